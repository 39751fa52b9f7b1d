// fontconfig (2.14, Debian 12) loses a few hundred bytes once per process
// while it parses its configuration, which pango has it do on first use.
// Under AddressSanitizer (the dev preset) LeakSanitizer would fail every
// test that writes a PDF at exit; this names that one library's leak as
// known. Without sanitizers the function is never called.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
