import { Testing } from 'cdktf';

// Adds cdktf's jest matchers (toHaveResource, toHaveResourceWithProperties, ...).
Testing.setupJest();
