// CSPRNG kernels exported to JavaScript (ChaCha20; see csprng.ts once written).
