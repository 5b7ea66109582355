void use(const char *);
void f1() { try { use("AKIAQWERTYUIOPASDFGH"); } catch (...) {} }
void f2() { try { use("ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z5C7"); } catch (...) {} }
void f3() { try { use("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq9Zx3Lk2Vw\n-----END RSA PRIVATE KEY-----\n"); } catch (...) {} }
void f4() { const char *password = "Quokka-Zebra-4242"; try { use(password); } catch (...) {} }
void f5() { try { use("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbjEyMyJ9.c2lnbmF0dXJlLXZhbHVlLTk4NzY1"); } catch (...) {} }
void f6() { try { use("xoxb-2048675309-7Kq9Wz3Rt5YpLm"); } catch (...) {} }
void f7() { try { use("postgres://admin:Wombat-Kite-7788@db.internal:5432/app"); } catch (...) {} }
static_assert(sizeof(int) == 1, "ghp_zY9xW8vU7tS6rQ5pO4nM3lK2jI1hG0fE9dC8");
