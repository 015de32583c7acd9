import type { ResourceProps } from 'react-admin';

/**
 * What each resource folder's index exports by default: react-admin `<Resource>` props without the
 * name (App.tsx names the resource after the API's list query), as in react-admin's examples/demo.
 */
export type ResourceDefinition = Omit<ResourceProps, 'name'>;
