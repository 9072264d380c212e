import {
  type AlertFeedback,
  type AlertState,
  type AlertView,
  getAlerts,
  type Store,
  writeAlertEvents,
  writeAlertStatus,
} from '@yuqing/schemas';

/** new → acknowledged → assigned → resolved; an assignment may change hands; resolved may reopen. */
export const ALERT_TRANSITIONS: Record<AlertState, readonly AlertState[]> = {
  new: ['acknowledged', 'assigned', 'resolved'],
  acknowledged: ['assigned', 'resolved'],
  assigned: ['assigned', 'resolved'],
  resolved: ['acknowledged'],
};

export class AlertActionError extends Error {
  override name = 'AlertActionError';
  constructor(
    message: string,
    readonly code: 'not_found' | 'invalid_transition' | 'assignee_required',
  ) {
    super(message);
  }
}

export interface StateChange {
  to: AlertState;
  /** The user who made the change. */
  actor: string;
  assignee?: string;
  note?: string;
}

async function current(store: Store, alertId: string): Promise<AlertView> {
  const [alert] = await getAlerts(store, { ids: [alertId], limit: 1 });
  if (!alert) throw new AlertActionError(`alert ${alertId} does not exist`, 'not_found');
  return alert;
}

/** Moves an alert to a new state and records the change; the dashboard checks roles before. */
export async function changeAlertState(
  store: Store,
  alertId: string,
  change: StateChange,
  now = new Date(),
): Promise<AlertView> {
  const alert = await current(store, alertId);
  if (!ALERT_TRANSITIONS[alert.state].includes(change.to)) {
    throw new AlertActionError(
      `an alert that is ${alert.state} cannot become ${change.to}; allowed: ${ALERT_TRANSITIONS[alert.state].join(', ')}`,
      'invalid_transition',
    );
  }
  if (change.to === 'assigned' && !change.assignee) {
    throw new AlertActionError('assigning an alert needs an assignee', 'assignee_required');
  }
  const assignee = change.to === 'assigned' ? (change.assignee as string) : alert.assignee;
  // Reopening clears the feedback, so the alert may notify again.
  const feedback = change.to === 'acknowledged' && alert.state === 'resolved' ? '' : alert.feedback;
  await writeAlertStatus(store, { alertId, state: change.to, assignee, feedback, updatedBy: change.actor });
  await writeAlertEvents(store, [
    {
      alertId,
      at: now.toISOString(),
      actor: change.actor,
      action: 'state',
      fromState: alert.state,
      toState: change.to,
      detail: [change.to === 'assigned' ? `assignee=${assignee}` : '', change.note ?? '']
        .filter(Boolean)
        .join('; '),
    },
  ]);
  return { ...alert, state: change.to, assignee, feedback };
}

/**
 * An analyst's verdict: `not_relevant` (误报) or `handled` (已处置). Either resolves the alert and
 * silences its further notifications; the alert still grows in the app if the event goes on.
 */
export async function recordFeedback(
  store: Store,
  alertId: string,
  feedback: Exclude<AlertFeedback, ''>,
  actor: string,
  now = new Date(),
  note = '',
): Promise<AlertView> {
  const alert = await current(store, alertId);
  await writeAlertStatus(store, {
    alertId,
    state: 'resolved',
    assignee: alert.assignee,
    feedback,
    updatedBy: actor,
  });
  await writeAlertEvents(store, [
    {
      alertId,
      at: now.toISOString(),
      actor,
      action: 'feedback',
      fromState: alert.state,
      toState: 'resolved',
      detail: [feedback, note].filter(Boolean).join('; '),
    },
  ]);
  return { ...alert, state: 'resolved', feedback };
}
