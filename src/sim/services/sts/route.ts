import type { ServiceRoute } from '../../core/service';
import { queryHandler } from '../../protocol/query';
import { stsOperations } from './operations';
import { queryProtocol } from '../../protocol/query';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS at the global endpoint https://sts.amazonaws.com and the Regional https://sts.<region>.amazonaws.com. */
export const stsRoute: ServiceRoute = {
  service: 'sts',
  protocol: queryProtocol(STS_NAMESPACE),
  matches: (url) =>
    url.hostname === 'sts.amazonaws.com' || /^sts\.[a-z0-9-]+\.amazonaws\.com$/.test(url.hostname),
  handle: queryHandler({ namespace: STS_NAMESPACE, version: '2011-06-15', operations: stsOperations }),
};
