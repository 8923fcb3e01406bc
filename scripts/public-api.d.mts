/** Every name each entry of the package exports, from its built declarations. */
export function readPublicApi(packageDir?: string): Record<string, { values: string[]; types: string[] }>;
