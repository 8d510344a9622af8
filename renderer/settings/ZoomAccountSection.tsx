import { useId, useState, type FormEvent } from 'react';
import type { ZoomAccountTestResult, ZoomAccountView, ZoomCloud } from '../../preload/contract.ts';
import { ZOOM_CLOUDS } from '../../preload/shared/zoom-account-rules.ts';
import { Spinner } from '../components/Spinner.tsx';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction } from '../session/use-action.ts';
import { CopyButton } from './CopyButton.tsx';
import { testOutcomeCopy } from './test-outcome-copy.ts';
import {
  FIELD_LABELS,
  formProblems,
  initialForm,
  toInput,
  type ZoomAccountField,
  type ZoomAccountForm,
} from './zoom-account-form.ts';

interface ZoomAccountSectionProps extends Pick<ScreenContext, 'api' | 'onFailure'> {
  view: ZoomAccountView;
  /** Saving another account signs this one out first; the form says so. */
  signedIn: boolean;
}

const CLOUD_CHOICES: Array<{ cloud: ZoomCloud; label: string; hint: string }> = [
  { cloud: 'zoom', label: 'Zoom', hint: new URL(ZOOM_CLOUDS.zoom.oauthBase).host },
  { cloud: 'zoomgov', label: 'ZoomGov', hint: new URL(ZOOM_CLOUDS.zoomgov.oauthBase).host },
  { cloud: 'custom', label: 'Another server', hint: 'advanced' },
];

const SOURCE_LINE: Record<ZoomAccountView['source'], string> = {
  demo: 'Meeting Tray is in demo mode: a built-in sandbox with a sample account. Enter your Zoom app’s client ID to use your own meetings.',
  settings: 'Meeting Tray uses the Zoom app saved here.',
  'built-in':
    'Meeting Tray uses the Zoom app built into this copy. A client ID saved here takes its place.',
  environment:
    'Set by ZOOM_CLIENT_ID in the environment, which comes first. Unset it and restart Meeting Tray to change it here.',
};

export function ZoomAccountSection({ api, onFailure, view, signedIn }: ZoomAccountSectionProps) {
  const id = useId();
  const [form, setForm] = useState<ZoomAccountForm>(() => initialForm(view));
  const [touched, setTouched] = useState<ReadonlySet<ZoomAccountField>>(new Set());
  const [tested, setTested] = useState<ZoomAccountTestResult | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useAction(api.saveZoomAccount, onFailure);
  const test = useAction(api.testZoomAccount, onFailure);
  const reset = useAction(api.resetZoomAccount, onFailure);

  // Main pushes a new view after a save or a reset: the form starts again from it (adjusted
  // while rendering, React's pattern for state that follows a prop).
  const [formView, setFormView] = useState(view);
  if (formView !== view) {
    setFormView(view);
    setForm(initialForm(view));
    setTouched(new Set());
  }

  const locked = view.source === 'environment';
  const busy = save.pending || test.pending || reset.pending;
  const problems = formProblems(form);
  const shown = (field: ZoomAccountField) => (touched.has(field) ? problems[field] : undefined);
  const fieldId = (field: string) => `${id}-${field}`;

  const edit = (change: Partial<ZoomAccountForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setTested(null);
    setSaved(null);
  };
  const touch = (...fields: ZoomAccountField[]) =>
    setTouched((current) => new Set([...current, ...fields]));
  /** Shows every problem; true when there is none and the form may be sent. */
  const readyToSend = () => {
    touch('clientId', 'secret', 'oauthBase', 'apiBase');
    return Object.keys(problems).length === 0;
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    if (!readyToSend()) return;
    const result = await save.run(toInput(form));
    if (result.ok) setSaved('Saved. Sign in with Zoom to see your meetings from this account.');
  };
  const onTest = async () => {
    if (!readyToSend()) return;
    setTested(null);
    const result = await test.run(toInput(form));
    if (result.ok) setTested(result.value);
  };
  const onReset = async () => {
    const result = await reset.run();
    if (result.ok)
      setSaved(
        result.value.zoomAccount.source === 'demo'
          ? 'Removed. Meeting Tray is back in demo mode.'
          : 'Removed. Meeting Tray uses the Zoom app built into this copy again.',
      );
  };

  const textField = (
    field: 'clientId' | 'oauthBase' | 'apiBase',
    options: { placeholder?: string; hint?: string; type?: 'text' | 'url' },
  ) => {
    const problem = shown(field);
    const describedBy = [
      options.hint && fieldId(`${field}-hint`),
      problem && fieldId(`${field}-problem`),
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <div className="field">
        <label htmlFor={fieldId(field)}>{FIELD_LABELS[field]}</label>
        <input
          id={fieldId(field)}
          className="field__input"
          type={options.type ?? 'text'}
          value={form[field]}
          placeholder={options.placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => edit({ [field]: event.target.value })}
          onBlur={() => touch(field)}
        />
        {options.hint ? (
          <p id={fieldId(`${field}-hint`)} className="field__hint">
            {options.hint}
          </p>
        ) : null}
        {problem ? (
          <p id={fieldId(`${field}-problem`)} className="field__problem">
            {problem}
          </p>
        ) : null}
      </div>
    );
  };

  const secretProblem = shown('secret');
  const secretHint =
    view.hasClientSecret && view.source === 'settings' && !form.removeSecret
      ? 'A client secret is saved in your keychain. Leave this empty to keep it.'
      : 'Only for apps without the public client option. It is kept in your keychain, never in a file.';
  const testCopy = tested ? testOutcomeCopy(tested) : null;

  return (
    <section className="settings-section" aria-labelledby={fieldId('title')}>
      <h3 id={fieldId('title')} className="settings-section__title">
        Zoom account
      </h3>
      <p className="muted" data-testid="zoom-account-source">
        {SOURCE_LINE[view.source]}
      </p>
      <form className="settings-form" noValidate onSubmit={(event) => void onSave(event)}>
        <fieldset className="settings-form__body" disabled={locked}>
          <fieldset className="choice-group">
            <legend>Zoom cloud</legend>
            {CLOUD_CHOICES.map((choice) => (
              <label key={choice.cloud} className="choice">
                <input
                  type="radio"
                  name={fieldId('cloud')}
                  value={choice.cloud}
                  checked={form.cloud === choice.cloud}
                  onChange={() => edit({ cloud: choice.cloud })}
                />
                {choice.label} <span className="muted">({choice.hint})</span>
              </label>
            ))}
          </fieldset>
          {form.cloud === 'custom' ? (
            <>
              {textField('oauthBase', { type: 'url', placeholder: 'https://zoom.us' })}
              {textField('apiBase', { type: 'url', placeholder: 'https://api.zoom.us/v2' })}
            </>
          ) : null}
          {textField('clientId', {
            hint: 'From your app on the Zoom App Marketplace (Develop → Build App → General App).',
          })}
          <div className="field">
            <label htmlFor={fieldId('secret')}>Client secret (optional)</label>
            <input
              id={fieldId('secret')}
              className="field__input"
              type="password"
              value={form.secret}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={secretProblem ? true : undefined}
              aria-describedby={[fieldId('secret-hint'), secretProblem && fieldId('secret-problem')]
                .filter(Boolean)
                .join(' ')}
              onChange={(event) => edit({ secret: event.target.value })}
              onBlur={() => touch('secret')}
            />
            <p id={fieldId('secret-hint')} className="field__hint">
              {secretHint}
            </p>
            {secretProblem ? (
              <p id={fieldId('secret-problem')} className="field__problem">
                {secretProblem}
              </p>
            ) : null}
            {view.hasClientSecret && view.source === 'settings' ? (
              <label className="choice">
                <input
                  type="checkbox"
                  checked={form.removeSecret}
                  onChange={(event) => edit({ removeSecret: event.target.checked })}
                />
                Remove the saved client secret
              </label>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor={fieldId('redirect')}>Redirect URL to register</label>
            <div className="field__row">
              <input
                id={fieldId('redirect')}
                className="field__input"
                type="text"
                value={view.redirectUrl}
                readOnly
                aria-describedby={fieldId('redirect-hint')}
              />
              <CopyButton
                api={api}
                onFailure={onFailure}
                text={view.redirectUrl}
                label="Copy the redirect URL"
              />
            </div>
            <p id={fieldId('redirect-hint')} className="field__hint">
              Add it to your Zoom app as the Redirect URL and to its OAuth allow list.
            </p>
          </div>
          {signedIn ? (
            <p className="notice notice--info">
              Saving a different account signs you out of this one first and revokes its access.
            </p>
          ) : null}
          <div className="button-row button-row--start">
            <button
              type="button"
              className="button"
              disabled={busy}
              aria-busy={test.pending}
              onClick={() => void onTest()}
            >
              {test.pending ? <Spinner /> : null}
              {test.pending ? 'Testing…' : 'Test'}
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              aria-busy={save.pending}
            >
              {save.pending ? <Spinner /> : null}
              {save.pending ? 'Saving…' : 'Save'}
            </button>
            {view.source === 'settings' ? (
              <button
                type="button"
                className="button button--quiet"
                disabled={busy}
                aria-busy={reset.pending}
                onClick={() => void onReset()}
              >
                Remove this account
              </button>
            ) : null}
          </div>
        </fieldset>
      </form>
      <div role="status" className="settings-section__status">
        {test.pending ? <p>Testing the connection to Zoom…</p> : null}
        {testCopy ? (
          <div className={`notice notice--${testCopy.tone}`} data-testid="test-result">
            <p>
              <span className="notice__title">{testCopy.title}.</span> {testCopy.detail}
            </p>
          </div>
        ) : null}
        {saved ? (
          <p className="notice notice--success" data-testid="settings-saved">
            {saved}
          </p>
        ) : null}
      </div>
    </section>
  );
}
