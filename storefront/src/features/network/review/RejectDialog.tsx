/** Rejecting an application with a reason the applicant is e-mailed; the dialog is the confirmation. */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { problemOf, type ApiProblem } from '../../../api/errors';
import { PartnerApplicationRejectDocument, type ApplicationRowFragment } from '../../../gql/graphql';
import { applyFieldErrors } from '../../../lib/formErrors';
import { Button, Dialog, TextArea } from '../../../ui';
import { ProblemAlerts } from '../../../ui/ProblemAlerts';
import { applicationNumber } from '../applicationNumber';

export function RejectDialog({ application, onClose, onDone }: { application: ApplicationRowFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [, reject] = useMutation(PartnerApplicationRejectDocument);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });

  const onSubmit = async ({ reason }: { reason: string }) => {
    setProblems([]);
    const result = await reject({ id: application.id, reason: reason.trim() });
    if (result.error) {
      setProblems([problemOf(result.error)]);
      return;
    }
    const apiErrors = result.data?.partnerApplicationReject?.errors ?? [];
    if (apiErrors.length) {
      setProblems(applyFieldErrors(t, apiErrors, ['reason'], setError));
      return;
    }
    onDone();
    onClose();
  };

  return (
    <Dialog open title={t('network.review.rejectTitle', { name: application.companyName })} onClose={onClose}>
      <form className="net-dialog-form" onSubmit={handleSubmit(onSubmit)} noValidate>
        <p className="net-muted">
          {applicationNumber(t, application.number)} · {application.email}
        </p>
        <ProblemAlerts problems={problems} />
        <TextArea
          label={t('network.review.reason')}
          hint={t('network.review.reasonHint')}
          error={errors.reason?.message}
          {...register('reason', { validate: (value) => value.trim() !== '' || t('validation.required') })}
        />
        <div className="ui-dialog__footer">
          <Button onClick={onClose}>{t('network.cancel')}</Button>
          <Button type="submit" variant="danger" busy={isSubmitting}>
            {t('network.review.rejectSubmit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
