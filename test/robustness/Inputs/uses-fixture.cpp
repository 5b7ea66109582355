#include "../tests/secrets_fixture.h"
int fixture_user() { return 0; }
