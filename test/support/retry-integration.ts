// Integration tests talk to a real engine on a 2-core machine shared by two Jest workers: a rare
// timing flake (an engine event reported late under load) must not fail a CI run, so each failing
// integration test runs once more. The first failure is still printed, and a real defect fails
// both times. Unit tests are never retried.
jest.retryTimes(1, { logErrorsBeforeRetry: true });
