/**
 * The check registry: every check, in rule-code order.
 */
import { ambiguousTimeoutTuple } from './ambiguousTimeoutTuple';
import { clientPerRequest } from './clientPerRequest';
import type { Check } from './context';
import { ignoredPoolConfig } from './ignoredPoolConfig';
import { inconsistentLimits } from './inconsistentLimits';
import { invalidConfig } from './invalidConfig';
import { partialConfig } from './partialConfig';
import { positionalConfigArgs } from './positionalConfigArgs';
import { renamedOrRemoved } from './renamedOrRemoved';
import { timeoutsDisabled } from './timeoutsDisabled';

export const CHECKS: readonly Check[] = [
  ambiguousTimeoutTuple,
  positionalConfigArgs,
  renamedOrRemoved,
  timeoutsDisabled,
  invalidConfig,
  partialConfig,
  ignoredPoolConfig,
  inconsistentLimits,
  clientPerRequest,
];
