// A generated API client, the shape of OpenAPI-generated SDKs: `modules` model and API modules of
// about 30 KB each, whose docstrings and comments name `urllib3` and `requests` in nearly every
// method, while only `importing` of them import either (a REST module, a configuration module, …).
// Deterministic: the same arguments write the same bytes. Written by this project, shaped after the
// generated clients it is meant to stand for; no generated client's text is copied.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FIELDS = ['name', 'namespace', 'labels', 'annotations', 'resource_version', 'uid', 'generation', 'finalizers', 'owner_references', 'created_at'];

function operation(resource, verb, index) {
  const name = `${verb}_${resource}_${index}`;
  return `
    def ${name}(self, namespace, body=None, **kwargs):  # noqa: E501
        """${verb} ${resource} number ${index}

        This method makes a synchronous HTTP request by default. To make an
        asynchronous HTTP request, please pass async_req=True

        >>> thread = api.${name}(namespace, async_req=True)
        >>> result = thread.get()

        :param async_req bool: execute request asynchronously
        :param str namespace: object name and auth scope, such as for teams and projects (required)
        :param ${resource} body: the object to ${verb}, read from the request body
        :param _preload_content: if False, the urllib3.HTTPResponse object will
                                 be returned without reading/decoding response
                                 data. Default is True.
        :param _request_timeout: timeout setting for this request. If one
                                 number provided, it will be total request
                                 timeout. It can also be a pair (tuple) of
                                 (connection, read) timeouts, as in requests.
        :return: ${resource}
                 If the method is called asynchronously,
                 returns the request thread.
        """
        kwargs['_return_http_data_only'] = True
        all_params = ['namespace', 'body', 'pretty', 'dry_run', 'field_manager']
        all_params.extend(['async_req', '_return_http_data_only', '_preload_content', '_request_timeout'])
        local_var_params = {'namespace': namespace, 'body': body}
        for key, val in kwargs.items():
            if key not in all_params:
                raise TypeError("Got an unexpected keyword argument '%s' to method ${name}" % key)
            local_var_params[key] = val
        header_params = {'Accept': 'application/json', 'Content-Type': 'application/json'}
        # The response is a urllib3 response when _preload_content is False (see rest.py).
        return self.api_client.call_api(
            '/apis/v1/namespaces/{namespace}/${resource}s', '${verb.toUpperCase()}',
            {'namespace': local_var_params['namespace']}, [], header_params,
            body=local_var_params.get('body'), response_type='${resource}',
            _preload_content=local_var_params.get('_preload_content', True),
            _request_timeout=local_var_params.get('_request_timeout'))
`;
}

function model(resource) {
  const attributes = FIELDS.map((field) => `        '${field}': 'str',`).join('\n');
  const properties = FIELDS.map(
    (field) => `
    @property
    def ${field}(self):
        """Gets the ${field} of this ${resource}.  # noqa: E501

        The ${field}, as the server returns it (a urllib3 or requests response body, decoded).

        :return: The ${field} of this ${resource}.
        :rtype: str
        """
        return self._${field}
`,
  );
  return `
class ${resource}(object):
    """NOTE: This class is auto generated. Do not edit the class manually."""

    openapi_types = {
${attributes}
    }
${properties.join('')}`;
}

/** The text of module `index`: about `kilobytes` KB; it imports urllib3 or requests when `imports` is set. */
export function docstringModule(index, { imports, kilobytes = 30 }) {
  const resource = `Resource${index}`;
  const parts = [
    '# coding: utf-8\n\n"""\n    Generated API client\n\n    Calls go through the REST client in rest.py (urllib3 pools; requests-compatible timeouts).\n"""\n\n',
    'from __future__ import absolute_import\n\nimport re  # noqa: F401\n\nimport six\n\n',
    imports ? (index % 2 === 0 ? 'import urllib3\n\n_POOL = urllib3.PoolManager(num_pools=4, maxsize=8)\n\n' : 'import requests\n\n_SESSION = requests.Session()\n\n') : '',
    model(resource),
    `\nclass ${resource}Api(object):\n    """NOTE: This class is auto generated. Do not edit the class manually."""\n\n    def __init__(self, api_client=None):\n        self.api_client = api_client\n`,
  ];
  const verbs = ['create', 'delete', 'patch', 'read', 'replace', 'list'];
  let size = parts.join('').length;
  for (let operationIndex = 0; size < kilobytes * 1024; operationIndex++) {
    const text = operation(resource.toLowerCase(), verbs[operationIndex % verbs.length], operationIndex);
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/** Writes the tree under `root`; returns its file count and bytes. */
export function writeDocstringTree(root, { modules = 1500, importing = 5, kilobytes = 30 } = {}) {
  let bytes = 0;
  for (let index = 0; index < modules; index++) {
    const folder = path.join(root, 'client', index % 2 === 0 ? 'models' : 'api');
    mkdirSync(folder, { recursive: true });
    const text = docstringModule(index, { imports: index % Math.floor(modules / importing) === 0 && index / Math.floor(modules / importing) < importing, kilobytes });
    writeFileSync(path.join(folder, `resource_${index}.py`), text);
    bytes += Buffer.byteLength(text);
  }
  return { files: modules, bytes };
}
