import { Testing } from 'cdktf';
import { setupAlicloudJest } from '../src';

// Adds cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Adds toBeValidAlicloudConfig() (and its deprecated alias toBeValidAlicloudPlan()), toHaveIpv6Finding() and
// toPassTerraformValidate() (src/testing/jest).
setupAlicloudJest();
