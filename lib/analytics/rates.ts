/** n / d, or null when there is no base (shown as "–", never as 0%). */
export const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

export type TRateBase = {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  bounced: number;
  failed: number;
  unsubscribed: number;
};

/**
 * The performance rates, each over the base stated on the page: delivery and bounce over sent;
 * open, click and unsubscribe over delivered.
 */
export function performanceRates(c: TRateBase) {
  return {
    deliveryRate: rate(c.delivered, c.sent),
    bounceRate: rate(c.bounced, c.sent),
    openRate: rate(c.opened, c.delivered),
    clickRate: rate(c.clicked, c.delivered),
    unsubscribeRate: rate(c.unsubscribed, c.delivered),
  };
}

/** Change against the previous period, or null when it had nothing. */
export const change = (current: number, previous: number): number | null =>
  previous > 0 ? (current - previous) / previous : null;
