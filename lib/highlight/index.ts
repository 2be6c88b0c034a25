/** Drawing highlights from text-model spans; see plan.ts and draw.ts for why it is split in two. */
export {
  drawHighlight,
  drawHighlights,
  drawnIds,
  HIGHLIGHT_TAG,
  type HighlightStyle,
  highlightAt,
  isHighlight,
  piecesOf,
  removeAllHighlights,
  removeHighlight,
  restyleHighlight,
  setHighlightsHidden,
} from './draw';
export { type HighlightPiece, type HighlightPlan, type MarkRange, planHighlight } from './plan';
export { HIGHLIGHT_CSS } from './styles';
