import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../ui';
import { usePageTitle } from './usePageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1 className="ui-visually-hidden">{t('notFound.title')}</h1>
      <EmptyState title={t('notFound.title')} action={<Link to="/catalog">{t('notFound.toCatalog')}</Link>}>
        <p>{t('notFound.text')}</p>
      </EmptyState>
    </div>
  );
}
