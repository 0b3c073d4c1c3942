/**
 * Entry point of the offline alicloud provider plugin (see server.ts). The filesystem mirror that the
 * driver writes (terraform/run) holds `terraform-provider-alicloud_v1.289.0`, a shell script that runs
 * `node lib/terraform/plugin/plugin-main.js` (terraform/run/plugin-entry.ts says which file).
 */
import { pluginMain } from './server';

pluginMain().catch((e) => {
  process.stderr.write(`cdktf-alicloud-ipv6 offline provider: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
