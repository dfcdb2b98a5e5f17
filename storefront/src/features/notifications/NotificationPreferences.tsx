import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  NotificationPreferencesDocument,
  NotificationPreferencesUpdateDocument,
  type NotificationPreferencePartsFragment,
} from '../../gql/graphql';
import { Alert, ErrorState, Skeleton } from '../../ui';

/**
 * Per topic, whether to send e-mail and whether to show it here. A change is saved at once
 * (the whole set is sent, as the API takes it) and said in a status message.
 */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({ query: NotificationPreferencesDocument });
  const [update, save] = useMutation(NotificationPreferencesUpdateDocument);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const preferences = update.data?.notificationPreferencesUpdate?.preferences ?? data?.notificationPreferences;

  const change = async (topic: NotificationPreferencePartsFragment['topic'], field: 'email' | 'inApp', value: boolean) => {
    if (!preferences) return;
    setSaved(false);
    setProblem(null);
    const next = preferences.map(({ topic: name, email, inApp }) => ({ topic: name, email, inApp, ...(name === topic ? { [field]: value } : {}) }));
    const result = await save({ preferences: next });
    const [first] = result.data?.notificationPreferencesUpdate?.errors ?? [];
    if (result.error) setProblem(problemOf(result.error));
    else if (first) setProblem({ code: first.code, detail: first.message });
    else setSaved(true);
  };

  let body: React.ReactNode;
  if (!preferences) body = error ? <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> : <Skeleton height="160px" />;
  else
    body = (
      <table>
        <thead>
          <tr>
            <th scope="col">{t('notifications.preferences.topicColumn')}</th>
            <th scope="col" className="notification-preferences__toggle">
              {t('notifications.preferences.email')}
            </th>
            <th scope="col" className="notification-preferences__toggle">
              {t('notifications.preferences.inApp')}
            </th>
          </tr>
        </thead>
        <tbody>
          {preferences.map((preference) => {
            const topic = t(`notifications.preferences.topic.${preference.topic}`);
            return (
              <tr key={preference.topic}>
                <th scope="row">{topic}</th>
                <td className="notification-preferences__toggle">
                  <input
                    type="checkbox"
                    checked={preference.email}
                    disabled={update.fetching}
                    aria-label={t('notifications.preferences.emailLabel', { topic })}
                    onChange={(event) => void change(preference.topic, 'email', event.target.checked)}
                  />
                </td>
                <td className="notification-preferences__toggle">
                  <input
                    type="checkbox"
                    checked={preference.inApp}
                    disabled={update.fetching}
                    aria-label={t('notifications.preferences.inAppLabel', { topic })}
                    onChange={(event) => void change(preference.topic, 'inApp', event.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );

  return (
    <section className="net-card notification-preferences" aria-labelledby="notification-preferences">
      <h2 id="notification-preferences">{t('notifications.preferences.title')}</h2>
      <p className="net-muted">{t('notifications.preferences.text')}</p>
      {body}
      {saved && <Alert tone="success">{t('notifications.preferences.saved')}</Alert>}
      {problem && <Alert tone="error">{describeProblem(t, problem)}</Alert>}
    </section>
  );
}
