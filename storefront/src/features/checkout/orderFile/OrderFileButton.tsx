import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { describeProblem } from '../../../api/errors';
import { OrderFileApplyDocument, OrderFileUploadDocument, type LineReportPartsFragment, type OrderFileColumnsInput } from '../../../gql/graphql';
import { Button, Dialog } from '../../../ui';
import { useOrderBuyer } from '../orderBuyer';
import { ColumnMappingDialog } from './ColumnMappingDialog';
import type { UploadedFile } from './mapping';
import { RowReport } from './RowReport';
import '../checkout.css';

/** The spreadsheets the API reads (xlsx, CSV); the browser's picker offers only these. */
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface Report {
  rows: LineReportPartsFragment[];
  addedCount: number;
  skippedCount: number;
}

type ApiError = { code: Parameters<typeof describeProblem>[1]['code']; message: string };

/**
 * «Заказ из файла» on the cart: choose an xlsx or CSV file, confirm which columns hold the SKU
 * and the quantity, and get a report row by row of what was added and what was not (with
 * the fixes the API suggests). For the client ordered for, when there is one.
 */
export function OrderFileButton() {
  const { t } = useTranslation();
  const buyer = useOrderBuyer();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [upload, sendUpload] = useMutation(OrderFileUploadDocument);
  const [applying, sendApply] = useMutation(OrderFileApplyDocument);

  const say = (errors: ApiError[]) => errors.map((error) => describeProblem(t, { code: error.code, detail: error.message })).join(' ');

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setProblem(null);
    const result = await sendUpload({ buyer, file: chosen });
    const answer = result.data?.orderFileUpload;
    if (answer?.orderFile) setFile(answer.orderFile);
    else setProblem(answer ? say(answer.errors) : describeProblem(t, { code: 'GRAPHQL_ERROR', detail: result.error?.message ?? '' }));
  }

  async function apply(columns: OrderFileColumnsInput) {
    if (!file) return;
    setProblem(null);
    const result = await sendApply({ id: file.id, columns });
    const answer = result.data?.orderFileApply;
    if (answer && answer.errors.length === 0) {
      setFile(null);
      setReport({ rows: answer.report, addedCount: answer.addedCount, skippedCount: answer.skippedCount });
    } else setProblem(answer ? say(answer.errors) : describeProblem(t, { code: 'GRAPHQL_ERROR', detail: result.error?.message ?? '' }));
  }

  return (
    <>
      <Button onClick={() => input.current?.click()} busy={upload.fetching} data-testid="order-file-button">
        {t('orderFile.button')}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        className="ui-visually-hidden"
        tabIndex={-1}
        aria-label={t('orderFile.choose')}
        data-testid="order-file-input"
        onChange={(event) => void choose(event)}
      />
      {problem && !file && (
        <p className="order-file__problem" role="alert" data-testid="order-file-problem">
          {problem}
        </p>
      )}
      {file && <ColumnMappingDialog file={file} busy={applying.fetching} problem={problem} onApply={(columns) => void apply(columns)} onClose={() => setFile(null)} />}
      <Dialog
        open={report !== null}
        title={t('orderFile.report.title')}
        onClose={() => setReport(null)}
        footer={
          <Button variant="primary" onClick={() => setReport(null)}>
            {t('orderFile.report.done')}
          </Button>
        }
      >
        {report && <RowReport rows={report.rows} addedCount={report.addedCount} skippedCount={report.skippedCount} buyer={buyer} />}
      </Dialog>
    </>
  );
}
