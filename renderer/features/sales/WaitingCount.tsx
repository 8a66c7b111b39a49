/** Count of sales and returns waiting to be delivered, for the status bar. */
export function WaitingCount() {
  return null;
}
