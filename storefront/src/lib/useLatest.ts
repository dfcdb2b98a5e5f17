import { useState } from 'react';

/**
 * The latest defined value: while new results load, the previous ones stay on screen
 * (dimmed) instead of the page jumping back to a skeleton on every keystroke.
 */
export function useLatest<T>(value: T | undefined): T | undefined {
  const [latest, setLatest] = useState(value);
  if (value !== undefined && value !== latest) {
    setLatest(value);
    return value;
  }
  return value ?? latest;
}
