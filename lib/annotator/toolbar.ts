/** Shows the selection toolbar beside a usable selection and hides it otherwise. */
import { h, render } from 'preact';
import { SelectionToolbar } from '@/components/SelectionToolbar';
import { type ColorLabels, ColorLabelsContext } from '../settings/labels';
import type { HighlightColor } from '../types';
import { toDocument } from './page-ui';

export interface ToolbarActions {
  color: () => HighlightColor;
  setColor: (color: HighlightColor) => void;
  highlight: () => void;
  note: () => void;
}

export class Toolbar {
  private readonly box: HTMLElement;
  private range: Range | null = null;
  /** The reader's colour labels, in the swatches' names. */
  private labels: ColorLabels = {};

  constructor(
    layer: HTMLElement,
    private readonly win: Window,
    private readonly actions: ToolbarActions,
  ) {
    this.box = layer.ownerDocument.createElement('div');
    this.box.hidden = true;
    layer.append(this.box);
  }

  show(range: Range): void {
    this.range = range;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const place = toDocument(last, this.win);
    this.box.hidden = false;
    this.rerender();
    const toolbar = this.box.firstElementChild as HTMLElement | null;
    const width = toolbar?.offsetWidth ?? 280;
    const maxLeft = this.win.scrollX + this.win.innerWidth - width - 8;
    // Below the selection's last line, clear of the selected text; set through CSSOM,
    // which a page's `style-src` CSP does not block.
    if (toolbar) {
      toolbar.style.top = `${place.bottom + 8}px`;
      toolbar.style.left = `${Math.max(this.win.scrollX + 8, Math.min(place.right - width / 2, maxLeft))}px`;
    }
  }

  hide(): void {
    this.range = null;
    this.box.hidden = true;
  }

  get visible(): boolean {
    return !this.box.hidden && this.range !== null;
  }

  /** New colour labels (a setting): in the swatches' names at once if the toolbar is up. */
  setLabels(labels: ColorLabels): void {
    this.labels = labels;
    this.refresh();
  }

  /** Draws the toolbar again if it is up (its colour was changed elsewhere). */
  refresh(): void {
    if (!this.box.hidden) this.rerender();
  }

  rerender(): void {
    render(
      h(
        ColorLabelsContext.Provider,
        { value: this.labels },
        h(SelectionToolbar, {
          color: this.actions.color(),
          onColor: (color: HighlightColor) => {
            this.actions.setColor(color);
            this.rerender();
          },
          onHighlight: this.actions.highlight,
          onNote: this.actions.note,
        }),
      ),
      this.box,
    );
  }
}
