/** The library's search service in a worker of the library page (see service.ts). */
import { getDatabase } from '../db';
import { packResult, type ServiceEvent, type ServiceRequest, startLibraryService } from './service';

const scope = self as unknown as {
  postMessage(event: ServiceEvent): void;
  onmessage: ((event: MessageEvent<ServiceRequest>) => void) | null;
};
const service = startLibraryService(getDatabase(), (event) =>
  scope.postMessage(event.type === 'result' ? packResult(event.result) : event),
);
scope.onmessage = (event) => service.request(event.data);
