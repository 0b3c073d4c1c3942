/**
 * Which Terraform binary the driver runs: `TERRAFORM_BINARY_NAME` (as for cdktf), else `terraform` on PATH.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Raised when no Terraform binary can be found. */
export class TerraformNotFoundError extends Error {
  constructor(public readonly looked: string) {
    super(`Terraform was not found (${looked}). Install Terraform 1.7 or later (this project uses 1.11.4) `
      + 'from the HashiCorp releases or your package manager and put it on PATH, or set TERRAFORM_BINARY_NAME to its path.');
    this.name = 'TerraformNotFoundError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Terraform binary's path, or undefined when there is none. */
export function findTerraform(binary?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = binary ?? (env.TERRAFORM_BINARY_NAME || 'terraform');
  if (name.includes('/') || name.includes(path.sep)) return isExecutable(name) ? path.resolve(name) : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** Like {@link findTerraform}, or throws {@link TerraformNotFoundError}. */
export function requireTerraform(binary?: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = findTerraform(binary, env);
  if (!found) {
    const name = binary ?? (env.TERRAFORM_BINARY_NAME || 'terraform');
    throw new TerraformNotFoundError(binary || env.TERRAFORM_BINARY_NAME ? `looked for '${name}'` : 'looked for \'terraform\' on PATH; TERRAFORM_BINARY_NAME is not set');
  }
  return found;
}
