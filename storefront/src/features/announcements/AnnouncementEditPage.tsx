import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { describeProblem, problemOf, type ApiProblem } from '../../api/errors';
import {
  AnnouncementCreateDocument,
  AnnouncementForEditDocument,
  AnnouncementUpdateDocument,
  type AnnouncementInput,
  type AnnouncementKind,
} from '../../gql/graphql';
import { Button, EmptyState, ErrorState, SelectField, Skeleton, TextArea, TextField } from '../../ui';
import { ProblemAlerts } from '../../ui/ProblemAlerts';
import { useViewer } from '../auth/ViewerProvider';
import { usePageTitle } from '../shell/usePageTitle';
import { canPublishAnnouncements, promotionOwnerId } from './access';
import { AnnouncementCard } from './AnnouncementCard';
import { AudiencePicker, type Audience } from './AudiencePicker';
import { ProductPicker, type PickedProduct } from './ProductPicker';
import { PromotionPicker } from './PromotionPicker';
import { formParagraphs } from './text';
import './announcements.css';

const KINDS: AnnouncementKind[] = ['NEWS', 'NEW_PRODUCTS', 'PROMOTION'];
const FORM_FIELDS = new Set(['kind', 'title', 'text', 'productIds', 'promotionId', 'audience', 'priceGroupIds', 'regions', 'image', 'publishAt']);
type When = 'now' | 'later' | 'draft';

interface Draft {
  kind: AnnouncementKind;
  title: string;
  text: string;
  products: PickedProduct[];
  audience: Audience;
  promotionId: string | null;
}

const EMPTY: Draft = { kind: 'NEWS', title: '', text: '', products: [], audience: { everyoneBelow: true, priceGroupIds: [], regions: [] }, promotionId: null };

/** `/announcements/new` and `/announcements/:id/edit`: write, address, preview and publish. */
export default function AnnouncementEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const viewer = useViewer();
  usePageTitle(id ? t('announcements.form.editTitle') : t('announcements.form.createTitle'));
  const [loaded] = useQuery({ query: AnnouncementForEditDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });

  if (!canPublishAnnouncements(viewer.me, viewer.organization?.id)) {
    return (
      <div className="page">
        <h1>{t('announcements.form.createTitle')}</h1>
        <EmptyState title={t('announcements.form.denied')} />
      </div>
    );
  }
  if (id && loaded.error && !loaded.data) return <ErrorState error={loaded.error} />;
  if (id && !loaded.data) {
    return (
      <div className="page" aria-busy="true">
        <h1>{t('announcements.form.editTitle')}</h1>
        <Skeleton height="20em" />
      </div>
    );
  }
  const existing = loaded.data?.announcement;
  if (id && !existing?.isMine) {
    return (
      <div className="page">
        <h1>{t('announcements.card.notFound')}</h1>
        <EmptyState title={t('announcements.card.notFound')} action={<Link to="/announcements">{t('announcements.mine.title')}</Link>} />
      </div>
    );
  }
  const initial: Draft = existing
    ? {
        kind: existing.kind,
        title: existing.title,
        text: existing.text,
        products: existing.products,
        audience: existing.audience ?? EMPTY.audience,
        promotionId: existing.promotionId ?? null,
      }
    : EMPTY;
  return <AnnouncementForm key={id ?? 'new'} id={id ?? null} initial={initial} imageUrl={existing?.image?.url ?? null} />;
}

function AnnouncementForm({ id, initial, imageUrl }: { id: string | null; initial: Draft; imageUrl: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const [draft, setDraft] = useState<Draft>(initial);
  const [image, setImage] = useState<File | null>(null);
  const [removeImage, setRemoveImage] = useState(false);
  const [when, setWhen] = useState<When>('now');
  const [publishAt, setPublishAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [created, create] = useMutation(AnnouncementCreateDocument);
  const [updated, update] = useMutation(AnnouncementUpdateDocument);
  const saving = created.fetching || updated.fetching;
  const fileInput = useRef<HTMLInputElement>(null);
  const promotionOwner = promotionOwnerId(viewer.me, viewer.organization?.id);

  // A local preview of the chosen file (revoked when replaced).
  const [localUrl, setLocalUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!image || typeof URL.createObjectURL !== 'function') return setLocalUrl(null);
    const url = URL.createObjectURL(image);
    setLocalUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [image]);
  const shownImage = localUrl ?? (removeImage ? null : imageUrl);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const preview = useMemo(
    () => ({
      id: 'preview',
      kind: draft.kind,
      title: draft.title.trim() || t('announcements.form.previewEmpty'),
      paragraphs: formParagraphs(draft.text),
      publishAt: when === 'later' && publishAt ? new Date(publishAt).toISOString() : new Date().toISOString(),
      status: 'PUBLISHED' as const,
      isRead: true,
      publisherName: viewer.organization?.name ?? '',
      image: shownImage ? { url: shownImage } : null,
      products: draft.products,
    }),
    [draft, when, publishAt, viewer.organization, shownImage, t],
  );

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setErrors({});
    setProblems([]);
    const input: AnnouncementInput = {
      kind: draft.kind,
      title: draft.title,
      text: draft.text,
      productIds: draft.products.map((p) => p.id),
      // Only a promotion announcement points at a promotion (the picker is shown for it).
      promotionId: draft.kind === 'PROMOTION' ? draft.promotionId : null,
      audience: draft.audience.everyoneBelow
        ? { everyoneBelow: true }
        : { everyoneBelow: false, priceGroupIds: draft.audience.priceGroupIds, regions: draft.audience.regions },
    };
    const answer = id
      ? await update({ id, input, image, removeImage })
      : await create({
          input,
          image,
          publish: when !== 'draft',
          publishAt: when === 'later' && publishAt ? new Date(publishAt).toISOString() : null,
        });
    if (answer.error) return setProblems([problemOf(answer.error)]);
    const data = answer.data;
    const payload = data && ('announcementCreate' in data ? data.announcementCreate : 'announcementUpdate' in data ? data.announcementUpdate : null);
    const failed = payload?.errors ?? [];
    if (failed.length === 0) return navigate('/announcements');
    const byField: Record<string, string> = {};
    const rest: ApiProblem[] = [];
    for (const error of failed) {
      const problem = { code: error.code, detail: error.message };
      if (error.field && FORM_FIELDS.has(error.field) && !byField[error.field]) byField[error.field] = describeProblem(t, problem);
      else rest.push(problem);
    }
    setErrors(byField);
    setProblems(rest);
  }

  return (
    <div className="page news-page">
      <Link to="/announcements" className="back-link">
        ← {t('announcements.mine.title')}
      </Link>
      <h1>{id ? t('announcements.form.editTitle') : t('announcements.form.createTitle')}</h1>
      <div className="news-edit">
        <form className="news-form" onSubmit={(e) => void submit(e)} noValidate>
          <ProblemAlerts problems={problems} />
          <SelectField
            label={t('announcements.form.kind')}
            value={draft.kind}
            onChange={(e) => set('kind', e.target.value as AnnouncementKind)}
            options={KINDS.map((kind) => ({ value: kind, label: t(`announcements.kind.${kind}`) }))}
            error={errors.kind}
          />
          <TextField label={t('announcements.form.title')} value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} error={errors.title} />
          <TextArea
            label={t('announcements.form.text')}
            rows={8}
            value={draft.text}
            onChange={(e) => set('text', e.target.value)}
            hint={`${t('announcements.form.textHint')} ${t('announcements.form.textLength', { count: draft.text.length })}`}
            error={errors.text}
          />
          {draft.kind === 'PROMOTION' && promotionOwner && (
            <PromotionPicker ownerId={promotionOwner} value={draft.promotionId} onChange={(promotionId) => set('promotionId', promotionId)} error={errors.promotionId} />
          )}
          <ProductPicker value={draft.products} onChange={(products) => set('products', products)} error={errors.productIds} />
          <AudiencePicker value={draft.audience} onChange={(audience) => set('audience', audience)} errors={errors} />
          <fieldset className="news-form__group">
            <legend>{t('announcements.form.image')}</legend>
            <div className="ui-field">
              <label className="ui-field__label" htmlFor="announcement-image">
                {t('announcements.form.image')}
              </label>
              <input
                id="announcement-image"
                ref={fileInput}
                type="file"
                accept="image/jpeg,image/png,image/webp,image/gif"
                aria-describedby="announcement-image-hint"
                onChange={(e) => {
                  setImage(e.target.files?.[0] ?? null);
                  setRemoveImage(false);
                }}
              />
              <p id="announcement-image-hint" className="ui-field__hint">
                {t('announcements.form.imageHint')}
              </p>
              {errors.image && <p className="ui-field__error">{errors.image}</p>}
            </div>
            {shownImage && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => {
                  setImage(null);
                  setRemoveImage(true);
                  if (fileInput.current) fileInput.current.value = '';
                }}
              >
                {t('announcements.form.removeImage')}
              </Button>
            )}
          </fieldset>
          {!id && (
            <fieldset className="news-form__group">
              <legend>{t('announcements.form.when')}</legend>
              <div className="news-radios">
                {(['now', 'later', 'draft'] as const).map((option) => (
                  <label key={option} className="news-radio">
                    <input type="radio" name="when" checked={when === option} onChange={() => setWhen(option)} />
                    {t(`announcements.form.${option}`)}
                  </label>
                ))}
              </div>
              {when === 'later' && (
                <TextField type="datetime-local" label={t('announcements.form.publishAt')} value={publishAt} onChange={(e) => setPublishAt(e.target.value)} error={errors.publishAt} />
              )}
            </fieldset>
          )}
          <div className="news-form__actions">
            <Button type="submit" variant="primary" busy={saving} disabled={saving}>
              {id ? t('announcements.form.saveChanges') : when === 'draft' ? t('announcements.form.saveDraft') : t('announcements.form.save')}
            </Button>
            <Link className="ui-button ui-button--ghost ui-button--md" to="/announcements">
              {t('announcements.form.cancel')}
            </Link>
          </div>
        </form>
        <section className="news-preview" aria-labelledby="announcement-preview">
          <h2 id="announcement-preview">{t('announcements.form.preview')}</h2>
          <AnnouncementCard announcement={preview} preview />
        </section>
      </div>
    </div>
  );
}
