import { useEffect, useState } from 'preact/hooks';
import { ColorSettings } from '@/components/ColorSettings';
import { ShortcutList } from '@/components/ShortcutList';
import { SiteList } from '@/components/SiteList';
import { StorageLine } from '@/components/StorageLine';
import { SyncSettings } from '@/components/SyncSettings';
import { ThemeChoice } from '@/components/ThemeChoice';
import { sendToBackground } from '@/lib/messaging';
import {
  openShortcutSettings,
  readShortcuts,
  type Shortcut,
  type ShortcutApi,
  shortcutsPlace,
} from '@/lib/pages/shortcuts';
import { useStorageStatus } from '@/lib/pages/storage-status';
import {
  colorLabels,
  currentColor,
  disabledSites,
  marginNotes,
  setSiteOff,
  syncStatus,
  theme,
} from '@/lib/settings';
import { cleanLabels } from '@/lib/settings/labels';
import { asTheme } from '@/lib/settings/theme';
import { useSetting } from '@/lib/settings/use-setting';
import { HIGHLIGHT_COLORS } from '@/lib/types';

const api = browser as unknown as ShortcutApi;
const firefox = browser.runtime.getURL('/').startsWith('moz-extension:');

// Every control writes its setting at once; open pages and views follow (lib/settings).
export function App() {
  const color = useSetting(currentColor);
  const labels = useSetting(colorLabels);
  const chosenTheme = useSetting(theme);
  const margin = useSetting(marginNotes);
  const sites = useSetting(disabledSites);
  const sync = useSetting(syncStatus);
  const [commands, setCommands] = useState<Shortcut[]>();
  const [openError, setOpenError] = useState<string>();
  const { status, ask } = useStorageStatus();
  useEffect(() => {
    void readShortcuts(api).then(setCommands);
  }, []);
  // Until every setting is read, nothing is shown rather than fallbacks that then jump.
  if (color === undefined || labels === undefined || chosenTheme === undefined || margin === undefined)
    return null;

  return (
    <main class="settings">
      <h1 class="title">Gloss settings</h1>
      <ColorSettings
        color={HIGHLIGHT_COLORS.includes(color) ? color : 'yellow'}
        onColor={(next) => void currentColor.setValue(next)}
        labels={cleanLabels(labels)}
        onLabels={(next) => void colorLabels.setValue(next)}
      />
      <section class="settings-section" aria-labelledby="look-heading">
        <h2 id="look-heading">Look</h2>
        <ThemeChoice value={asTheme(chosenTheme)} onChange={(next) => void theme.setValue(next)} />
        <label class="switch-row">
          <input
            type="checkbox"
            role="switch"
            aria-checked={margin}
            checked={margin}
            onChange={(e) => void marginNotes.setValue(e.currentTarget.checked)}
          />
          Show notes in the page margin (otherwise a ✎ marker beside the passage opens each)
        </label>
      </section>
      {sites && (
        <SiteList
          sites={sites}
          onRemove={(site) => void setSiteOff(site, false)}
          onAdd={(site) => void setSiteOff(site, true)}
        />
      )}
      <ShortcutList
        commands={commands}
        place={shortcutsPlace(firefox)}
        openError={openError}
        onOpenSettings={() =>
          void openShortcutSettings(api, firefox).then(
            () => setOpenError(undefined),
            (error: Error) => setOpenError(error.message),
          )
        }
      />
      <section class="settings-section" aria-labelledby="storage-heading">
        <h2 id="storage-heading">Your data</h2>
        <p class="hint">Annotations stay on this computer, in the browser’s storage for Gloss.</p>
        <StorageLine status={status} onAsk={() => void ask()} />
      </section>
      {sync && (
        <SyncSettings
          status={sync}
          onTurnOn={async (server, passphrase) => {
            await sendToBackground({ type: 'syncTurnOn', server, passphrase });
          }}
          onTurnOff={async () => {
            await sendToBackground({ type: 'syncTurnOff' });
          }}
          onSyncNow={async () => {
            await sendToBackground({ type: 'syncNow' });
          }}
        />
      )}
    </main>
  );
}
