import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import { PriceListExportDocument } from '../../gql/graphql';
import { Button } from '../../ui';
import { useViewer } from '../auth/ViewerProvider';
import './prices.css';

/** Starts the browser's download of `url` (same origin) without leaving the page. */
export function startDownload(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * «Скачать прайс-лист (xlsx)»: the signed-in partner's own prices as a workbook, every variant it
 * may see with its price and tiers. The API signs a link valid for a minute or two (the download
 * itself cannot carry the Authorization header); the browser then fetches it as a file. Shown to a
 * member of an organization that buys from a seller; never to the manufacturer or a visitor.
 */
export function PriceListDownload({ download = startDownload }: { download?: (url: string) => void }) {
  const { t, i18n } = useTranslation();
  const { organization } = useViewer();
  const [, sign] = useMutation(PriceListExportDocument);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  if (!organization || organization.kind === 'MANUFACTURER') return null;

  const onClick = async () => {
    setBusy(true);
    setProblem(null);
    const result = await sign({ priceList: null, language: i18n.language.startsWith('en') ? 'en' : 'ru' });
    setBusy(false);
    const payload = result.data?.priceListExport;
    if (result.error) {
      setProblem(problemOf(result.error));
    } else if (payload?.url) {
      download(payload.url);
    } else {
      const [first] = payload?.errors ?? [];
      setProblem(first ? { code: first.code, detail: first.message } : { code: 'UNKNOWN', detail: '' });
    }
  };

  return (
    <div className="price-download">
      <Button
        size="sm"
        variant="ghost"
        className="price-download__button"
        onClick={onClick}
        busy={busy}
        aria-label={t('priceDownload.label')}
        title={t('priceDownload.hint')}
      >
        <DownloadIcon />
        <span className="price-download__text">{t('priceDownload.short')}</span>
      </Button>
      {problem && (
        <p className="price-download__problem" role="alert">
          {describeProblem(t, problem)}
        </p>
      )}
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg className="price-download__icon" viewBox="0 0 20 20" aria-hidden focusable="false">
      <path
        d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14v2.5h12V14"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
