/** The part of mvdan-sh (mvdan/sh compiled to JavaScript by GopherJS) that src/engine/shell.ts uses. */
declare module 'mvdan-sh' {
  export interface Pos {
    Offset(): number;
  }
  export interface Node {
    Pos(): Pos;
    End(): Pos;
  }
  export interface Word extends Node {
    Parts: WordPart[];
  }
  export interface WordPart extends Node {
    Value?: string;
    Parts?: WordPart[];
  }
  export interface Assign extends Node {
    Name: { Value: string } | null;
  }
  export interface CallExpr extends Node {
    Assigns: Assign[];
    Args: Word[];
  }
  export interface BinaryCmd extends Node {
    Op: number;
    X: Stmt;
    Y: Stmt;
  }
  export interface Stmt extends Node {
    Cmd: Node | null;
    Negated: boolean;
    Background: boolean;
    Redirs: Node[];
  }
  export interface File extends Node {
    Stmts: Stmt[];
  }
  export interface Parser {
    Parse(src: string, name: string): File;
  }
  export interface ParserOption {
    readonly __parserOption: unique symbol;
  }
  export interface Syntax {
    NewParser(...options: ParserOption[]): Parser;
    KeepComments(keep: boolean): ParserOption;
    Variant(language: number): ParserOption;
    LangBash: number;
    LangPOSIX: number;
    NodeType(node: Node): string;
    Walk(node: Node, visit: (node: Node | null) => boolean): void;
  }
  const sh: { syntax: Syntax };
  export default sh;
}
