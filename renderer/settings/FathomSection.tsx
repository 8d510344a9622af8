import { useId, useState, type FormEvent } from 'react';
import type { FathomMode, FathomSettingsView, FathomState } from '../../preload/contract.ts';
import { Spinner } from '../components/Spinner.tsx';
import { errorCopy } from '../copy/error-copy.ts';
import { ConnectPageActions } from '../fathom/ConnectPageActions.tsx';
import { CopyButton } from './CopyButton.tsx';
import {
  FATHOM_CONNECTED,
  FATHOM_DISCONNECTED,
  REMOVE_APP_HINT,
  REMOVE_KEY_HINT,
} from '../fathom/fathom-copy.ts';
import type { ScreenContext } from '../session/screen-context.ts';
import { useAction, type Failure } from '../session/use-action.ts';
import {
  FATHOM_FIELD_LABELS,
  fathomFormChanged,
  fathomFormProblems,
  initialFathomForm,
  initialFathomMode,
  parsePort,
  redirectUriFor,
  toFathomInput,
  type FathomOAuthField,
  type FathomOAuthForm,
} from './fathom-form.ts';

interface FathomSectionProps extends Pick<ScreenContext, 'api' | 'onFailure' | 'announce'> {
  view: FathomSettingsView;
  /** Fathom's connection as main pushed it; null until main first answers. */
  fathom: FathomState | null;
}

const SOURCE_LINE: Record<FathomSettingsView['source'], string> = {
  demo: 'Demo mode: signing in goes to a built-in Fathom sandbox with sample recordings. Enter your own Fathom app, or use a personal API key, to see your own notes.',
  settings: 'Meeting Tray uses the Fathom app saved here.',
  environment: 'Meeting Tray uses the Fathom app set by FATHOM_CLIENT_ID in the environment.',
  'built-in':
    'Meeting Tray uses the Fathom app built into this copy. An app saved here takes its place.',
  none: 'No Fathom app is set up. A personal API key is the simplest way to see your own notes.',
};

const MODE_CHOICES: Array<{ mode: FathomMode; label: string; hint: string }> = [
  { mode: 'oauth', label: 'Sign in with Fathom', hint: 'OAuth, in your browser' },
  { mode: 'api-key', label: 'Personal API key', hint: 'from Fathom’s API Access settings' },
];

function statusLine(fathom: FathomState | null): string {
  if (fathom === null) return 'Checking…';
  switch (fathom.kind) {
    case 'connected':
      return fathom.mode === 'oauth'
        ? 'Connected: signed in with Fathom.'
        : 'Connected with your personal API key.';
    case 'connecting':
      return fathom.mode === 'oauth'
        ? 'Connecting: continue in your browser.'
        : 'Checking your API key with Fathom…';
    case 'not-connected':
      // Why, when main knows (the connection ended, the key was refused): the rest is on the main screen.
      return fathom.reason
        ? `Not connected. ${errorCopy(fathom.reason.code, 'fathom').title}.`
        : 'Not connected.';
    case 'error':
      return `${errorCopy(fathom.code, 'fathom').title}.`;
  }
}

/**
 * Settings' "Fathom" section, beside "Zoom account": connect Fathom with OAuth (a client ID and
 * secret of your own Fathom app, and the fixed redirect URI to register there) or with a
 * personal API key, and disconnect. Secrets go one way: typed here, kept in the keychain by
 * main, never shown back — the section is only told whether one is saved.
 */
export function FathomSection({ api, onFailure, announce, view, fathom }: FathomSectionProps) {
  const id = useId();
  const fieldId = (field: string) => `${id}-${field}`;
  const [mode, setMode] = useState<FathomMode>(() => initialFathomMode(view));
  const [form, setForm] = useState<FathomOAuthForm>(() => initialFathomForm(view));
  const [touched, setTouched] = useState<ReadonlySet<FathomOAuthField>>(new Set());
  const [apiKey, setApiKey] = useState('');
  const [keyProblem, setKeyProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  // Key validation's failures are said under the field; the rest go to the feedback toast.
  const onKeyFailure = (failure: Failure) => {
    if (failure.code === 'fathom_key_invalid' || failure.code === 'invalid_argument') {
      const copy = errorCopy(failure.code, 'fathom');
      setKeyProblem(`${copy.title}. ${copy.action}`);
    } else onFailure(failure);
  };
  const save = useAction(api.saveFathomOAuth, onFailure);
  const connect = useAction(api.connectFathomOAuth, onFailure);
  const connectKey = useAction(api.connectFathomApiKey, onKeyFailure);
  const disconnect = useAction(api.disconnectFathom, onFailure);

  // A new view after a save: the form starts again from it (React's pattern for derived state).
  const [formView, setFormView] = useState(view);
  if (formView !== view) {
    setFormView(view);
    setForm(initialFathomForm(view));
    setTouched(new Set());
  }

  const connected = fathom?.kind === 'connected';
  const connecting = fathom?.kind === 'connecting';
  const busy =
    save.pending || connect.pending || connectKey.pending || disconnect.pending || connecting;
  const problems = fathomFormProblems(form, view);
  const shown = (field: FathomOAuthField) => (touched.has(field) ? problems[field] : undefined);
  const port = parsePort(form.port);
  const redirectUri = redirectUriFor(view, port);

  const edit = (change: Partial<FathomOAuthForm>) => {
    setForm((current) => ({ ...current, ...change }));
    setNote(null);
  };
  const touch = (...fields: FathomOAuthField[]) =>
    setTouched((current) => new Set([...current, ...fields]));
  const readyToSend = () => {
    touch('clientId', 'secret', 'port');
    return Object.keys(problems).length === 0;
  };

  /** Saves what changed; true when there was nothing to save or it was saved. */
  const saveIfChanged = async () => {
    if (!fathomFormChanged(form, view)) return true;
    const result = await save.run(toFathomInput(form, view));
    if (result.ok) setForm((current) => ({ ...current, secret: '' }));
    return result.ok;
  };
  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    if (!readyToSend()) return;
    if (await saveIfChanged()) setNote('Saved. Connect Fathom to use this app.');
  };
  const onConnect = async () => {
    if (!readyToSend()) return;
    setNote(null);
    if (!(await saveIfChanged())) return;
    await connect.run();
  };
  const onConnectKey = async (event: FormEvent) => {
    event.preventDefault();
    setNote(null);
    const key = apiKey.trim();
    if (key === '') {
      setKeyProblem('Paste the API key you created in Fathom’s settings (API Access).');
      return;
    }
    setKeyProblem(null);
    const result = await connectKey.run(key);
    if (result.ok) {
      setApiKey('');
      announce(FATHOM_CONNECTED);
    }
  };
  const onDisconnect = async () => {
    const result = await disconnect.run();
    if (!result.ok) return;
    setNote(result.value.removeAppHint ? REMOVE_APP_HINT : REMOVE_KEY_HINT);
    announce(FATHOM_DISCONNECTED);
  };

  const describedBy = (...ids: Array<string | false | undefined>) =>
    ids.filter(Boolean).join(' ') || undefined;
  const problemLine = (field: FathomOAuthField) => {
    const problem = shown(field);
    return problem ? (
      <p id={fieldId(`${field}-problem`)} className="field__problem">
        {problem}
      </p>
    ) : null;
  };

  // Whatever state Fathom is in (but mid-connect, which has its own Cancel), it can be undone.
  const canDisconnect =
    connected || fathom?.kind === 'error' || (!connecting && view.mode !== null);
  const disconnectButton = canDisconnect ? (
    <button
      type="button"
      className="button"
      disabled={busy}
      aria-busy={disconnect.pending}
      onClick={() => void onDisconnect()}
    >
      {disconnect.pending ? <Spinner /> : null}
      Disconnect Fathom
    </button>
  ) : null;

  return (
    <section
      className="settings-section"
      aria-labelledby={fieldId('title')}
      data-testid="fathom-settings"
    >
      <h3 id={fieldId('title')} className="settings-section__title">
        Fathom
      </h3>
      <p className="muted">
        Fathom records your calls and writes notes. Meeting Tray shows the ones from the past 7
        days, with their action items, beside your upcoming meetings.
      </p>
      <p data-testid="fathom-status">
        <span className="notice__title">{statusLine(fathom)}</span>
      </p>
      <p className="muted" data-testid="fathom-source">
        {SOURCE_LINE[view.source]}
      </p>
      <fieldset className="choice-group" disabled={busy}>
        <legend>Connect with</legend>
        {MODE_CHOICES.map((choice) => (
          <label key={choice.mode} className="choice">
            <input
              type="radio"
              name={fieldId('mode')}
              value={choice.mode}
              checked={mode === choice.mode}
              onChange={() => {
                setMode(choice.mode);
                setNote(null);
              }}
            />
            <span>
              {choice.label} <span className="muted">({choice.hint})</span>
            </span>
          </label>
        ))}
      </fieldset>

      {mode === 'oauth' ? (
        <form className="settings-form" noValidate onSubmit={(event) => void onSave(event)}>
          <fieldset className="settings-form__body" disabled={busy}>
            <div className="field">
              <label htmlFor={fieldId('clientId')}>{FATHOM_FIELD_LABELS.clientId}</label>
              <input
                id={fieldId('clientId')}
                className="field__input"
                type="text"
                value={form.clientId}
                placeholder={view.source === 'demo' ? 'The demo sandbox’s app' : undefined}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={shown('clientId') ? true : undefined}
                aria-describedby={describedBy(
                  fieldId('clientId-hint'),
                  shown('clientId') && fieldId('clientId-problem'),
                )}
                onChange={(event) => edit({ clientId: event.target.value })}
                onBlur={() => touch('clientId')}
              />
              <p id={fieldId('clientId-hint')} className="field__hint">
                From your app in Fathom (fathom.video → register an OAuth app).
              </p>
              {problemLine('clientId')}
            </div>
            <div className="field">
              <label htmlFor={fieldId('secret')}>{FATHOM_FIELD_LABELS.secret}</label>
              <input
                id={fieldId('secret')}
                className="field__input"
                type="password"
                value={form.secret}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={shown('secret') ? true : undefined}
                aria-describedby={describedBy(
                  fieldId('secret-hint'),
                  shown('secret') && fieldId('secret-problem'),
                )}
                onChange={(event) => edit({ secret: event.target.value })}
                onBlur={() => touch('secret')}
              />
              <p id={fieldId('secret-hint')} className="field__hint">
                {view.hasClientSecret ? (
                  <span className="saved-mark" data-testid="fathom-secret-saved">
                    ✓ Saved in your keychain.
                  </span>
                ) : null}{' '}
                {view.hasClientSecret
                  ? 'Leave this empty to keep it; it is never shown again.'
                  : 'Kept in your keychain, never in a file, and never shown again.'}
              </p>
              {problemLine('secret')}
            </div>
            <div className="field">
              <label htmlFor={fieldId('port')}>{FATHOM_FIELD_LABELS.port}</label>
              <input
                id={fieldId('port')}
                className="field__input field__input--short"
                type="text"
                inputMode="numeric"
                value={form.port}
                autoComplete="off"
                aria-invalid={shown('port') ? true : undefined}
                aria-describedby={describedBy(
                  fieldId('port-hint'),
                  shown('port') && fieldId('port-problem'),
                )}
                onChange={(event) => edit({ port: event.target.value })}
                onBlur={() => touch('port')}
              />
              <p id={fieldId('port-hint')} className="field__hint">
                Fathom sends you back to exactly this port; change it only if another app uses it.
              </p>
              {problemLine('port')}
            </div>
            <div className="field">
              <label htmlFor={fieldId('redirect')}>Redirect URL to register in Fathom</label>
              <div className="field__row field__row--wrap">
                {/* A text area so the whole URI wraps into view at any width or text size. */}
                <textarea
                  id={fieldId('redirect')}
                  className="field__input field__input--uri"
                  value={redirectUri}
                  rows={2}
                  readOnly
                  spellCheck={false}
                  aria-describedby={fieldId('redirect-hint')}
                />
                <CopyButton
                  api={api}
                  onFailure={onFailure}
                  text={redirectUri}
                  label="Copy the Fathom redirect URL"
                />
              </div>
              <p id={fieldId('redirect-hint')} className="field__hint">
                Register it in your Fathom app exactly as shown, port and path included.
              </p>
            </div>
            <div className="button-row button-row--start">
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                aria-busy={connect.pending || connecting}
                onClick={() => void onConnect()}
              >
                {connect.pending || connecting ? <Spinner /> : null}
                {connected && fathom.mode === 'oauth' ? 'Connect again' : 'Connect Fathom'}
              </button>
              <button type="submit" className="button" disabled={busy} aria-busy={save.pending}>
                {save.pending ? <Spinner /> : null}
                Save Fathom app
              </button>
              {disconnectButton}
            </div>
          </fieldset>
        </form>
      ) : (
        <form className="settings-form" noValidate onSubmit={(event) => void onConnectKey(event)}>
          <fieldset className="settings-form__body" disabled={busy}>
            <div className="field">
              <label htmlFor={fieldId('apiKey')}>API key</label>
              <input
                id={fieldId('apiKey')}
                className="field__input"
                type="password"
                value={apiKey}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={keyProblem ? true : undefined}
                aria-describedby={describedBy(
                  fieldId('apiKey-hint'),
                  keyProblem !== null && fieldId('apiKey-problem'),
                )}
                onChange={(event) => {
                  setApiKey(event.target.value);
                  setKeyProblem(null);
                  setNote(null);
                }}
              />
              <p id={fieldId('apiKey-hint')} className="field__hint">
                {connected && fathom.mode === 'api-key' ? (
                  <span className="saved-mark">✓ A key is saved in your keychain. </span>
                ) : null}
                Create one in Fathom’s settings under API Access. It is checked with Fathom once,
                then kept in your keychain and never shown again.
              </p>
              {keyProblem ? (
                <p
                  id={fieldId('apiKey-problem')}
                  className="field__problem"
                  data-testid="api-key-problem"
                >
                  {keyProblem}
                </p>
              ) : null}
            </div>
            <div className="button-row button-row--start">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                aria-busy={connectKey.pending}
              >
                {connectKey.pending ? <Spinner /> : null}
                {connectKey.pending ? 'Checking…' : 'Validate & save'}
              </button>
              {disconnectButton}
            </div>
          </fieldset>
        </form>
      )}

      <div role="status" className="settings-section__status" data-testid="fathom-settings-status">
        {connectKey.pending ? <p>Checking your API key with Fathom…</p> : null}
        {connecting && fathom.mode === 'oauth' ? (
          <div
            className="notice notice--info notice--stacked"
            data-testid="fathom-settings-connecting"
          >
            <p>
              <Spinner /> Waiting for you to allow Meeting Tray in Fathom, in your browser.
            </p>
            <ConnectPageActions
              api={api}
              onFailure={onFailure}
              authorizationUrl={fathom.authorizationUrl}
              cancelLabel="Cancel"
            />
          </div>
        ) : null}
        {note ? (
          <p
            className={`notice ${note === REMOVE_APP_HINT || note === REMOVE_KEY_HINT ? 'notice--info' : 'notice--success'}`}
            data-testid="fathom-settings-note"
          >
            {note}
          </p>
        ) : null}
        {fathom?.kind === 'not-connected' && fathom.removeAppHint && note === null ? (
          <p className="notice notice--info" data-testid="fathom-remove-hint">
            {REMOVE_APP_HINT}
          </p>
        ) : null}
      </div>
    </section>
  );
}
