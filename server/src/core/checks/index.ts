/**
 * The check registry: every check, in rule-code order.
 */
import { ambiguousTimeoutTuple } from './ambiguousTimeoutTuple';
import { clientPerRequest } from './clientPerRequest';
import type { Check } from './context';
import { ignoredPoolConfig } from './ignoredPoolConfig';
import { ineffectiveSetting } from './ineffectiveSetting';
import { inconsistentLimits } from './inconsistentLimits';
import { invalidConfig } from './invalidConfig';
import { missingTimeout } from './missingTimeout';
import { partialConfig } from './partialConfig';
import { poolSmallerThanConcurrency } from './poolSmallerThanConcurrency';
import { positionalConfigArgs } from './positionalConfigArgs';
import { renamedOrRemoved } from './renamedOrRemoved';
import { sdkClientDropsDefaults } from './sdkClientDropsDefaults';
import { softPoolCap } from './softPoolCap';
import { timeoutsDisabled } from './timeoutsDisabled';
import { unboundedFanOut } from './unboundedFanOut';

export const CHECKS: readonly Check[] = [
  ambiguousTimeoutTuple,
  positionalConfigArgs,
  renamedOrRemoved,
  missingTimeout,
  timeoutsDisabled,
  invalidConfig,
  partialConfig,
  ineffectiveSetting,
  ignoredPoolConfig,
  inconsistentLimits,
  softPoolCap,
  sdkClientDropsDefaults,
  clientPerRequest,
  poolSmallerThanConcurrency,
  unboundedFanOut,
];
