import { Testing } from 'cdktf';
import { setupAlicloudJest } from '../src';

// Adds cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Adds toBeValidAlicloudPlan(), toHaveIpv6Finding() and toPassTerraformValidate() (src/testing/jest).
setupAlicloudJest();
