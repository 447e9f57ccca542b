import { createLogger } from '../logging/logger';

const log = createLogger('busy-staff');

export interface OpenCallsSource {
  staffInOpenCalls(): Promise<string[]>;
}

/**
 * Staff in a call anywhere in the cluster. A node sees its own calls in memory; calls held
 * by other nodes are read from the record (an answered row that has not ended), the one place
 * every node writes. Without the database (an outage) only this node's calls are known, so a
 * specialist busy elsewhere may briefly look free: the forecast errs towards "soon", never
 * towards "nobody can answer".
 */
export async function busyStaffEverywhere(records: OpenCallsSource, onThisNode: ReadonlySet<string>): Promise<ReadonlySet<string>> {
  try {
    const elsewhere = await records.staffInOpenCalls();
    return new Set([...onThisNode, ...elsewhere]);
  } catch (error) {
    log.warn({ err: error instanceof Error ? error.message : String(error) }, 'could not read calls held by other nodes; forecasts count only this node\'s');
    return onThisNode;
  }
}
