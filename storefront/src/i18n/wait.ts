import type { TFunction } from 'i18next';

/**
 * How long to wait, said the way a person would: «через 42 секунды» under a minute, else whole
 * minutes rounded up («через 15 минут» for 895 s; never a shorter wait than the server's).
 */
export function waitPhrase(t: TFunction, seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return t('common.inSeconds', { count: whole });
  return t('common.inMinutes', { count: Math.ceil(whole / 60) });
}
