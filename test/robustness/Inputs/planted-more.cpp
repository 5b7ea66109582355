// Credentials that other lines of the same unit quote: the body of a PEM key
// and the second half of a concatenated literal, each on a line that carries
// another finding (its source line must not be shown).
void use(const char *);
void pem() {
  try { use("-----BEGIN RSA PRIVATE KEY-----\n"
      "MIIEpAIBAAKCAQEA7bq9Zx3Lk2VwQpLmNoRsTuVwXyZ1234567\n"); } catch (...) {
  }
}
const char *Token = "Marmot-"
  "Heron-8080-Lynx"; void h() { try { use(Token); } catch (...) {} }
