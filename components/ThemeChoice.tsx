/** Light, dark, or as the system says: native radio buttons in a labelled group. */
import { THEMES, type Theme } from '@/lib/settings';

const NAMES: Record<Theme, string> = {
  system: 'As the system (follows your device’s light or dark mode)',
  light: 'Light',
  dark: 'Dark',
};

export function ThemeChoice({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  return (
    <fieldset class="settings-choice">
      <legend>Theme</legend>
      {THEMES.map((theme) => (
        <label key={theme}>
          <input
            type="radio"
            name="theme"
            value={theme}
            checked={value === theme}
            onChange={() => onChange(theme)}
          />
          {NAMES[theme]}
        </label>
      ))}
    </fieldset>
  );
}
