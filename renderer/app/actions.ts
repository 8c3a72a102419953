import type { CardLookupError, CustomerView } from '../operations/find-customer';
import { customerView, customerViewByCard } from '../operations/find-customer';
import { describeCardCodeError } from '../../shared/cards/parse-card-code';
import { translator } from '../i18n/messages';
import type { TerminalServices } from '../operations/terminal-services';
import type { TerminalStore } from '../state/terminal-store';
import { parseStaffMember } from '../staff/staff-member';
import { attemptSignIn } from '../staff/sign-in';
import { approveWithManagerPin, authorize } from '../staff/manager-approval';
import type { Authorization, StaffAction } from '../staff/manager-approval';
import { describeSignInError } from '../staff/sign-in-error';
import type { StaffMember } from '../staff/staff-member';
import { assertNever } from '../../shared/util/assert-never';

/**
 * What the screens ask the terminal to do. Each action awaits its operation (committed to
 * IndexedDB) and only then changes the UI store. Errors become notices in the cashier's words.
 */

export async function activeStaff(services: TerminalServices): Promise<StaffMember[]> {
  const rows: unknown[] = await services.db.staff.toArray();
  return rows.flatMap((row) => {
    const parsed = parseStaffMember(row);
    return parsed.ok && parsed.value.active ? [parsed.value] : [];
  });
}

export async function signIn(
  services: TerminalServices,
  store: TerminalStore,
  member: StaffMember,
  pin: string,
): Promise<boolean> {
  const result = await attemptSignIn(member, pin, services.now());
  if (result.updated) await services.db.staff.put(result.updated);
  if (!result.ok) {
    store.setState({
      notice: { kind: 'error', text: describeSignInError(result.error, store.getState().lang) },
    });
    return false;
  }
  store.setState({
    session: result.session,
    screen: { name: 'scan' },
    notice: null,
    customer: null,
  });
  return true;
}

export function signOut(store: TerminalStore): void {
  store.setState({
    session: null,
    customer: null,
    slip: null,
    approval: null,
    notice: null,
    screen: { name: 'scan' },
  });
}

export async function openCustomer(
  services: TerminalServices,
  store: TerminalStore,
  customerId: string,
  cardNumber: string | null,
): Promise<void> {
  const view = await customerView(services, customerId, services.now());
  if (!view) {
    store.setState({
      notice: { kind: 'error', text: translator(store.getState().lang)('scan.noResults') },
    });
    return;
  }
  showCustomer(store, view, cardNumber);
}

/** The customer screen for `view`, reached with `cardNumber` (null: found by a search). */
function showCustomer(store: TerminalStore, view: CustomerView, cardNumber: string | null): void {
  store.setState({
    customer: view,
    screen: { name: 'customer', customerId: view.customer.id, cardNumber },
    notice: null,
  });
}

/** Re-reads the customer on screen after an operation committed. */
export async function refreshCustomer(
  services: TerminalServices,
  store: TerminalStore,
): Promise<void> {
  const { screen } = store.getState();
  if (screen.name !== 'customer') return;
  const view = await customerView(services, screen.customerId, services.now());
  store.setState({ customer: view });
}

/** A scan or a typed card number: opens the customer, or says why not. */
export async function lookUpCard(
  services: TerminalServices,
  store: TerminalStore,
  code: string,
): Promise<void> {
  const found = await customerViewByCard(services, code, services.now());
  if (!found.ok) {
    store.setState({ notice: { kind: 'error', text: describeLookupError(found.error, store) } });
    return;
  }
  showCustomer(store, found.value.view, found.value.card.number);
}

function describeLookupError(error: CardLookupError, store: TerminalStore): string {
  const { lang } = store.getState();
  const t = translator(lang);
  switch (error.code) {
    case 'invalid-code':
      return describeCardCodeError(error.error, lang);
    case 'unknown-card':
      return t('scan.unknownCard', { number: error.number });
    case 'card-blocked':
      return t('scan.blockedCard', { number: error.number });
    case 'card-replaced':
      return t('scan.replacedCard', {
        number: error.number,
        replacement: error.replacedBy ? ` (${error.replacedBy})` : '',
      });
    default:
      return assertNever(error, 'card lookup error');
  }
}

/**
 * Authorises a manager-only action: at once for a manager, or after a manager enters a PIN
 * in the approval dialog (null if cancelled).
 */
export function requireAuthorization(
  services: TerminalServices,
  store: TerminalStore,
  action: StaffAction,
): Promise<Authorization | null> {
  const { session } = store.getState();
  if (!session) return Promise.resolve(null);
  const decided = authorize(session, action, services.now());
  if (decided.kind === 'authorized') return Promise.resolve(decided.authorization);
  return new Promise((resolve) => {
    store.setState({
      approval: {
        action,
        resolve: (authorization) => {
          store.setState({ approval: null });
          resolve(authorization);
        },
      },
    });
  });
}

/** Checks a manager's PIN for the pending approval; saves the manager's lockout state. */
export async function approve(
  services: TerminalServices,
  store: TerminalStore,
  approver: StaffMember,
  pin: string,
): Promise<void> {
  const { session, approval, lang } = store.getState();
  if (!session || !approval) return;
  const result = await approveWithManagerPin({
    session,
    action: approval.action,
    approver,
    pin,
    now: services.now(),
  });
  if (result.updated) await services.db.staff.put(result.updated);
  if (!result.ok) {
    store.setState({ notice: { kind: 'error', text: describeSignInError(result.error, lang) } });
    return;
  }
  store.setState({ notice: null });
  approval.resolve(result.authorization);
}

export function showError(store: TerminalStore, text: string): void {
  store.setState({ notice: { kind: 'error', text } });
}
