import { Testing } from 'cdktf';
import { setupAlicloudJest } from '../src/testing/jest';

// Adds cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();

// Adds toBeValidAlicloudPlan() (the offline plan checker, src/testing).
setupAlicloudJest();
