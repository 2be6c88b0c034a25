/**
 * Gloss on or off for the site of the open tab (the popup). Off, Gloss leaves that site's
 * pages altogether: no highlights, no toolbar, no keys; back on, they come back.
 */
interface Props {
  site: string;
  off: boolean;
  onTurn: (off: boolean) => void;
}

export function SiteSwitch({ site, off, onTurn }: Props) {
  return (
    <div class="site-switch">
      <p class="site-state" role="status">
        {off ? `Gloss is off on ${site}.` : `Gloss is on for ${site}.`}
      </p>
      <button type="button" onClick={() => onTurn(!off)}>
        {off ? `Turn Gloss back on for ${site}` : `Turn Gloss off on ${site}`}
      </button>
    </div>
  );
}
