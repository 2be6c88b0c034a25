/** A Preact hook over one setting: undefined until it is read, then every change as it happens. */
import { useEffect, useState } from 'preact/hooks';
import { type Followable, follow } from './follow';

export function useSetting<T>(item: Followable<T>): T | undefined {
  const [value, setValue] = useState<{ value: T }>();
  useEffect(() => follow(item, (next) => setValue({ value: next })), [item]);
  return value?.value;
}
