/**
 * Entry point of the offline alicloud provider plugin (see server.ts). The filesystem mirror that the
 * runner writes holds `terraform-provider-alicloud_v1.289.0`, a shell script that runs
 * `node lib/terraform/plugin-main.js`.
 */
import { pluginMain } from './server';

pluginMain().catch((e) => {
  process.stderr.write(`cdktf-alicloud-ipv6 offline provider: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
