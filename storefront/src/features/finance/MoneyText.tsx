import { useFormat } from '../../i18n/useFormat';

/** An amount in its currency, kept on one line («12 500,00 ₽»). */
export function MoneyText({ money, strong = false, muted = false }: { money: { amount: string; currency: string }; strong?: boolean; muted?: boolean }) {
  const format = useFormat();
  const text = format.money(money.amount, money.currency);
  const className = ['net-nowrap', muted ? 'net-muted' : ''].filter(Boolean).join(' ');
  return strong ? <strong className={className}>{text}</strong> : <span className={className}>{text}</span>;
}
