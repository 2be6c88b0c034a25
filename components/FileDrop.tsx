/**
 * Makes an area accept files dropped from the desktop, with a visible cue while a file is
 * dragged over it. Other drags (text, links) are left alone. Keyboard users have the Import
 * picker; this is a shortcut for the mouse.
 */
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';

interface Props {
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  label: string;
  children: ComponentChildren;
}

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function FileDrop({ onFiles, disabled, label, children }: Props) {
  const [over, setOver] = useState(false);
  // dragenter/dragleave fire for every child crossed; a count tells when the drag truly left.
  const depth = useRef(0);
  const reset = () => {
    depth.current = 0;
    setOver(false);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: only a drop target; the Import picker is the keyboard way in.
    <div
      class={`file-drop${over ? ' is-over' : ''}`}
      onDragEnter={(e) => {
        if (!carriesFiles(e)) return;
        depth.current++;
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!carriesFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
      }}
      onDrop={(e) => {
        if (!carriesFiles(e)) return;
        e.preventDefault();
        reset();
        const files = [...(e.dataTransfer?.files ?? [])];
        if (!disabled && files.length > 0) onFiles(files);
      }}
    >
      {children}
      {over && (
        <div class="file-drop-cue" aria-hidden="true">
          {label}
        </div>
      )}
    </div>
  );
}
