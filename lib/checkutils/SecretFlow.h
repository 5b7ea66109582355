//===--- SecretFlow.h - where a secret travels within a function -*- C++
//-*-===//
//
// A small intraprocedural taint analysis for secrets. A function body is
// walked once, in evaluation order (children before parents, statements in
// sequence):
//  * sources are string-typed variables, parameters, fields and getter calls
//    whose names say they hold a secret (SecretUtils.h), keyed lookups of a
//    secret-named key (`cfg.get<std::string>("password")`,
//    `root["token"].asString()`, `getenv("API_TOKEN")`);
//  * the secret moves through copies, concatenation, formatting functions,
//    member calls on a tainted string (c_str, substr, str, ...), and into
//    local variables, streams and buffers by initialization, assignment,
//    `+=`, append, `<<` and snprintf/strcpy/format_to-like writers; every
//    move into a variable is remembered as a step for the notes;
//  * sanitizers (SanitizerRegex, size/length/empty) and any value that is
//    not text (integers, booleans, enums, ...) end the flow, and so does a
//    local variable whose reaching definition holds no secret (an empty
//    string, a literal, a value built only from literals and numbers).
// The caller decides what a sink is: walk() hands it every call once the
// call's arguments have been evaluated, and secretIn() says whether (and
// how) a secret reaches an expression at that point.
//
//===----------------------------------------------------------------------===//

#ifndef PRODREADY_LIB_CHECKUTILS_SECRETFLOW_H
#define PRODREADY_LIB_CHECKUTILS_SECRETFLOW_H

#include "CheckUtils.h"
#include "SecretUtils.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class ExprMutationAnalyzer;
class VarDecl;
class BinaryOperator;
} // namespace clang

namespace prodready {

/// One point of a secret's path, shown as a note.
struct FlowStep {
  clang::SourceLocation Loc;
  std::string Text;
};

/// How a secret reaches an expression: what it is and where it went.
struct SecretTrace {
  /// The secret's name as the user wrote it (`password`, `api_key()`,
  /// `getenv("API_TOKEN")`); never its value.
  std::string Secret;
  /// Steps.front() is the source; then every move into another variable.
  llvm::SmallVector<FlowStep, 4> Steps;
};

/// Whether a value of type \p T can carry (part of) a secret: char pointers
/// and arrays, text classes, streams, formatting helpers, and documents of
/// JSON/config libraries (a secret looked up by key). Integers, booleans,
/// enums, floating point and other classes cannot.
bool canCarrySecret(clang::QualType T);

/// The intraprocedural flow of secrets in one function.
class SecretFlow {
public:
  SecretFlow(clang::ASTContext &Ctx, const SecretNameOptions &SecretNames,
             const OptionRegex &Sanitizer);
  ~SecretFlow();

  /// Walks \p S in evaluation order, following secrets into variables;
  /// after each call's arguments are evaluated, calls \p AtCall with it.
  void walk(const clang::Stmt *S,
            llvm::function_ref<void(const clang::CallExpr *)> AtCall);

  /// How a secret reaches \p E at the point of the walk, if it does.
  std::optional<SecretTrace> secretIn(const clang::Expr *E);

  /// Whether \p E is known to hold no secret at the point of the walk: a
  /// literal, a number, a value built only from those, or a local variable
  /// whose reaching definition is such a value.
  bool holdsNoSecret(const clang::Expr *E);

  /// Whether \p Name names a secret (SecretNameRegex, not the exclude
  /// regex, and not a sanitized or placeholder name).
  bool isSecretIdentifier(llvm::StringRef Name) const;

private:
  /// What a local variable holds at the current point of the walk.
  struct VariableState {
    /// The secret it may hold (a copy of one, or a secret-named variable
    /// whose definition is not known to be clean).
    std::optional<SecretTrace> Secret;
    /// Set when a definition holding no secret reaches from this region:
    /// the chain of branches (if/loop/switch/?:/&&/||/catch) it was made
    /// in. It reaches a use whose own chain starts with this one.
    std::optional<llvm::SmallVector<const clang::Stmt *, 4>> CleanIn;
  };

  // Sources.
  bool isSourceDecl(const clang::ValueDecl *D) const;
  std::optional<SecretTrace> sourceCall(const clang::CallExpr *Call) const;
  SecretTrace sourceAt(llvm::StringRef Secret, clang::SourceLocation Loc) const;

  // Propagation.
  std::optional<SecretTrace> traceOf(const clang::Expr *E, unsigned Depth = 0);
  std::optional<SecretTrace> callTrace(const clang::CallExpr *Call,
                                       unsigned Depth);
  std::optional<SecretTrace> anyArgument(const clang::CallExpr *Call,
                                         unsigned Depth, unsigned From = 0);
  std::optional<SecretTrace> variableTrace(const clang::ValueDecl *D);
  std::optional<SecretTrace> mappedValue(const clang::MemberExpr *Member);
  void findProbedDocuments(const clang::Stmt *Top);
  void recordSecret(const clang::ValueDecl *D, const SecretTrace &T,
                    clang::SourceLocation Loc, const std::string &Text);
  void recordDefinition(const clang::ValueDecl *D, bool Clean, bool Replaces);
  bool isCleanValue(const clang::Expr *E, unsigned Depth);
  bool allArgumentsClean(const clang::CallExpr *Call, unsigned From,
                         unsigned Depth);
  bool isRecognizedWrite(const clang::Stmt *By, const clang::DeclRefExpr *Ref);
  bool isCleanHere(const clang::ValueDecl *D) const;
  bool isTrackedLocal(const clang::ValueDecl *D) const;
  void noteUse(const clang::DeclRefExpr *Ref);

  // Statements.
  void visit(const clang::Stmt *S);
  void visitVarInit(const clang::VarDecl *VD);
  void visitWrites(const clang::CallExpr *Call);
  void visitAssignment(const clang::BinaryOperator *BO);

  clang::ASTContext &Ctx;
  const SecretNameOptions &SecretNames;
  const OptionRegex &Sanitizer;
  llvm::function_ref<void(const clang::CallExpr *)> AtCall;
  llvm::DenseMap<const clang::ValueDecl *, VariableState> Variables;
  /// Text parsed into a document that the function probes for a secret key
  /// (an OAuth token response): the text holds the secret.
  llvm::DenseMap<const clang::ValueDecl *, SecretTrace> ParsedSecretText;
  /// The branches enclosing the statement being walked.
  llvm::SmallVector<const clang::Stmt *, 8> Branches;
  /// The statement being walked, for the mutation analysis.
  const clang::Stmt *Root = nullptr;
  std::unique_ptr<clang::ExprMutationAnalyzer> Mutations;
};

} // namespace prodready

#endif // PRODREADY_LIB_CHECKUTILS_SECRETFLOW_H
