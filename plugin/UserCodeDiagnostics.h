#ifndef CACHEPY_PLUGIN_USERCODEDIAGNOSTICS_H
#define CACHEPY_PLUGIN_USERCODEDIAGNOSTICS_H

namespace clang {
class DiagnosticsEngine;
}

namespace cachepy {

/// From now on, in a translation unit the plugin rewrote, Diags shows the user only
/// code they wrote. An error met inside an instantiation the rewritten call started
/// (a class's own serialize that does not compile for cachepy's archives) is reported
/// at the first of its notes in the user's code, or else at the line of the cached
/// function whose call started it, with a note where the library stated it; notes in the
/// runtime's headers or in the rewritten call are dropped.
/// Moved errors come at the end, after the others: a diagnostic can only be reported
/// anew once no other is in flight.
void reportAtUserCode(clang::DiagnosticsEngine &Diags);

} // namespace cachepy

#endif
