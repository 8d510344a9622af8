// The Fathom section's forms as plain data: what they start with, what is wrong with them, and
// what they send. The component only renders them. Main checks everything again.
import type { FathomMode, FathomOAuthInput, FathomSettingsView } from '../../preload/contract.ts';

export interface FathomOAuthForm {
  clientId: string;
  /** A new secret; empty keeps the saved one (the window is never told what it is). */
  secret: string;
  /** As typed, so a half-typed port can be shown and explained. */
  port: string;
}

export type FathomOAuthField = keyof FathomOAuthForm;
export type FathomOAuthProblems = Partial<Record<FathomOAuthField, string>>;

export const FATHOM_FIELD_LABELS: Record<FathomOAuthField, string> = {
  clientId: 'Client ID',
  secret: 'Client secret',
  port: 'Redirect port',
};

/** Ports below 1024 need administrator rights on macOS and Linux. */
const LOWEST_PORT = 1024;
const HIGHEST_PORT = 65535;

/** The demo's sandbox client is nothing to edit: the form starts empty there. */
export function initialFathomForm(view: FathomSettingsView): FathomOAuthForm {
  return {
    clientId: view.source === 'demo' ? '' : view.clientId,
    secret: '',
    port: String(view.redirectPort),
  };
}

/** Which way to connect is chosen when the section opens: the one in use, else the likely one. */
export function initialFathomMode(view: FathomSettingsView): FathomMode {
  if (view.mode) return view.mode;
  return view.source === 'none' ? 'api-key' : 'oauth';
}

export function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/u.test(text.trim())) return null;
  const port = Number(text.trim());
  return port >= LOWEST_PORT && port <= HIGHEST_PORT ? port : null;
}

export function fathomFormProblems(
  form: FathomOAuthForm,
  view: FathomSettingsView,
): FathomOAuthProblems {
  const problems: FathomOAuthProblems = {};
  const clientId = form.clientId.trim();
  if (clientId === '' && view.source !== 'demo')
    problems.clientId = 'Client ID is required: copy it from your Fathom app.';
  else if (/\s/u.test(clientId)) problems.clientId = 'Client ID must not contain spaces.';
  const needsSecret = clientId !== '' && (!view.hasClientSecret || clientId !== view.clientId);
  if (needsSecret && form.secret.trim() === '')
    problems.secret = 'Client secret is required: Fathom asks for it at every sign-in.';
  if (parsePort(form.port) === null)
    problems.port = `Redirect port must be a whole number from ${LOWEST_PORT} to ${HIGHEST_PORT}.`;
  return problems;
}

/** True when Save has something to send: a field differs from what main uses. */
export function fathomFormChanged(form: FathomOAuthForm, view: FathomSettingsView): boolean {
  const clientIdChanged = form.clientId.trim() !== '' && form.clientId.trim() !== view.clientId;
  return clientIdChanged || form.secret.trim() !== '' || parsePort(form.port) !== view.redirectPort;
}

export function toFathomInput(form: FathomOAuthForm, view: FathomSettingsView): FathomOAuthInput {
  const secret = form.secret.trim();
  return {
    clientId: form.clientId.trim() || view.clientId,
    ...(secret !== '' && { clientSecret: secret }),
    redirectPort: parsePort(form.port) ?? view.redirectPort,
  };
}

/**
 * The redirect URI to register for the port being typed: main's URI with that port, so the
 * path is main's (one definition) and only the port follows the field.
 */
export function redirectUriFor(view: FathomSettingsView, port: number | null): string {
  if (port === null) return view.redirectUri;
  try {
    const url = new URL(view.redirectUri);
    url.port = String(port);
    return url.href;
  } catch {
    return view.redirectUri;
  }
}
