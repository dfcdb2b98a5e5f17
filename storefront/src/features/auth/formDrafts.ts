/**
 * What an expired session keeps for the next sign-in, in sessionStorage (this tab only): the
 * unsaved fields of the open page's forms, keyed by the page's address (the e-mail it was
 * signed in with is kept by signInEmail.ts). Passwords are never kept, nor hidden or file fields, nor a field marked
 * `data-no-draft`. A draft comes back only to the same e-mail, and only once.
 */

const DRAFT_PREFIX = 'b2b.draft:';
/** A draft older than this is dropped rather than filled in. */
export const DRAFT_MAX_AGE_MS = 60 * 60_000;

type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftField {
  /** Index of the field's form among the page's forms, in document order. */
  form: number;
  name: string;
  value: string;
  checked?: boolean;
}

export interface FormDraft {
  email: string;
  savedAt: number;
  fields: DraftField[];
}

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const SKIPPED_TYPES = new Set(['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image']);

function isKept(field: Element): field is Field {
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement || field instanceof HTMLTextAreaElement)) {
    return false;
  }
  if (!field.name || field.disabled || field.closest('[data-no-draft]')) return false;
  if (field instanceof HTMLInputElement && SKIPPED_TYPES.has(field.type)) return false;
  // A field that asks for a password under another type (a "show password" toggle).
  return !/password|cc-/.test(field.autocomplete);
}

// --- the forms ---------------------------------------------------------------------------

/** The fields of `root`'s forms worth keeping: filled in, never a password. */
export function readForms(root: ParentNode): DraftField[] {
  const fields: DraftField[] = [];
  root.querySelectorAll('form').forEach((form, index) => {
    for (const element of Array.from(form.elements)) {
      if (!isKept(element)) continue;
      if (element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio')) {
        if (element.checked !== element.defaultChecked) {
          fields.push({ form: index, name: element.name, value: element.value, checked: element.checked });
        }
      } else if (element.value.trim() !== '') {
        fields.push({ form: index, name: element.name, value: element.value });
      }
    }
  });
  return fields;
}

/** Keeps the filled-in fields of `root` for `route` and the user `email` (nothing if none). */
export function saveDraft(storage: TabStorage, root: ParentNode, route: string, email: string | null, now = Date.now()): void {
  const fields = readForms(root);
  if (!email || fields.length === 0) return;
  const draft: FormDraft = { email, savedAt: now, fields };
  storage.setItem(DRAFT_PREFIX + route, JSON.stringify(draft));
}

/** The draft kept for `route`, if there is a usable one (dropping an unreadable or stale one). */
export function draftFor(storage: TabStorage, route: string, now = Date.now()): FormDraft | null {
  const text = storage.getItem(DRAFT_PREFIX + route);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as FormDraft;
    if (now - draft.savedAt <= DRAFT_MAX_AGE_MS && Array.isArray(draft.fields)) return draft;
  } catch {
    // Unreadable: dropped below.
  }
  storage.removeItem(DRAFT_PREFIX + route);
  return null;
}

export function dropDraft(storage: TabStorage, route: string): void {
  storage.removeItem(DRAFT_PREFIX + route);
}

/** Sets a value the way typing does, so React (and react-hook-form) see the change. */
function setValue(field: Field, value: string): void {
  const prototype = Object.getPrototypeOf(field) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(field, value);
  else field.value = value;
}

function setChecked(field: HTMLInputElement, checked: boolean): void {
  if (field.checked !== checked) field.click();
}

/**
 * Fills `draft` into `root`'s forms once every field it names is on the page; returns
 * whether it did (false: the forms are not there yet, try again when the page changes).
 */
export function fillDraft(root: ParentNode, draft: FormDraft): boolean {
  const forms = root.querySelectorAll('form');
  const targets = draft.fields.map((saved) => {
    const candidates = Array.from(forms[saved.form]?.elements ?? []).filter(
      (element): element is Field => isKept(element) && element.name === saved.name,
    );
    const element = candidates.find((c) => saved.checked === undefined || c.value === saved.value);
    // A select whose options are still loading is not ready for its value.
    const ready = !(element instanceof HTMLSelectElement) || Array.from(element.options).some((o) => o.value === saved.value);
    return { saved, element: ready ? element : undefined };
  });
  if (targets.some((target) => !target.element)) return false;
  for (const { saved, element } of targets) {
    if (!element) continue;
    if (saved.checked !== undefined && element instanceof HTMLInputElement) {
      setChecked(element, saved.checked);
    } else if (element.value !== saved.value) {
      setValue(element, saved.value);
      element.dispatchEvent(new Event('input', { bubbles: true }));
      element.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }
  return true;
}

/** The first field `draft` filled in, to show the person where their input is. */
export function firstField(root: ParentNode, draft: FormDraft): Element | null {
  const first = draft.fields[0];
  if (!first) return null;
  const form = root.querySelectorAll('form')[first.form];
  return Array.from(form?.elements ?? []).find((element) => isKept(element) && element.name === first.name) ?? null;
}
