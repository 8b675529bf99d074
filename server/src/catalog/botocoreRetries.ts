/**
 * botocore's retry policy and `defaults_mode` presets as data: how `Config(retries={...})` resolves
 * to a mode and a number of attempts (`max_attempts` counts retries, `total_max_attempts` every
 * attempt; what the code leaves out comes from the environment or the AWS config file, else the
 * preset's mode, else legacy), and what each `defaults_mode` sets (sdk-default-configuration.json:
 * connectTimeoutInMillis, retryMode). The same at every catalogued release from 1.20.0 (presets from
 * 1.23.37) to 1.43.67, read at the tags cited.
 */
import type { DefaultsModeOption, RetryOption } from './retrySchema';
import type { Source } from './schema';

const REPO = 'boto/botocore';
const NEWEST = '1.43.67';
const at = (path: string, line: number, tag = NEWEST): Source => ({ repo: REPO, tag, path, line });
const PRESETS = 'botocore/data/sdk-default-configuration.json';

export const BOTOCORE_RETRIES: RetryOption = {
  param: 'retries',
  modeKey: 'mode',
  retriesKey: 'max_attempts',
  totalKey: 'total_max_attempts',
  defaultMode: 'legacy',
  modes: [
    // _retry.json's __default__ max_attempts counts every attempt (MaxAttemptsDecorator stops at attempt_number >= max_attempts); DynamoDB's own is 10.
    { name: 'legacy', attempts: 5, serviceAttempts: { dynamodb: 10 }, source: at('botocore/data/_retry.json', 93) },
    { name: 'standard', attempts: 3, source: at('botocore/retries/standard.py', 44) },
    // adaptive registers the standard retry handler, then a client-side rate limiter (client.py `_register_retries`).
    { name: 'adaptive', attempts: 3, source: at('botocore/client.py', 248) },
  ],
  serviceParam: 'service_name',
  // configprovider.py: retry_mode from AWS_RETRY_MODE / the config file (line 171), max_attempts from AWS_MAX_ATTEMPTS / the config file (line 175).
  setOutsideCode: { mode: '`AWS_RETRY_MODE` or `retry_mode` in `~/.aws/config`', attempts: '`AWS_MAX_ATTEMPTS` or `max_attempts` in `~/.aws/config`' },
  // `_compute_retry_max_attempts`: total_max_attempts wins, else max_attempts + 1, else the config store; `_compute_retry_mode`: else 'legacy'.
  source: at('botocore/args.py', 600),
};

const preset = (name: string, connect: number, line: number) => ({ name, fields: { connect_timeout: connect }, retryMode: 'standard', source: at(PRESETS, line) });

export const BOTOCORE_DEFAULTS_MODE: DefaultsModeOption = {
  param: 'defaults_mode',
  versions: { from: '1.23.37' },
  none: 'legacy',
  // base: retryMode standard, connectTimeoutInMillis 1100; the modes override the connect timeout (`_set_connectTimeoutInMillis` divides by 1000).
  presets: [preset('standard', 3.1, 11), preset('in-region', 1.1, 19), preset('cross-region', 3.1, 21), preset('mobile', 30, 29)],
  runtime: [
    {
      name: 'auto',
      among: ['in-region', 'cross-region', 'standard'],
      how: 'in-region when the client\'s region is the one the code runs in (`AWS_REGION` under `AWS_EXECUTION_ENV`, or EC2 instance metadata), cross-region when it differs, standard when none is found',
      source: at('botocore/configprovider.py', 628),
    },
  ],
  setOutsideCode: '`AWS_DEFAULTS_MODE` or `defaults_mode` in `~/.aws/config`',
  // Config(defaults_mode=...) other than legacy sets connect_timeout to None (NON_LEGACY_OPTION_DEFAULTS), so the preset's applies;
  // a Config without it keeps 60 s, which a mode from the environment does not replace (args.py `_compute_connect_timeout`).
  fieldsOnlyFromCode: true,
  source: at('botocore/config.py', 336),
};
