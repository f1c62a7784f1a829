// Mentions cachepy, in a comment only: the plugin leaves this file as it is.
int main() { return 0; }
