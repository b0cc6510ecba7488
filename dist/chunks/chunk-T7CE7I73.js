import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-AABEZPWO.js";
import {
  HEAD_HOOKS,
  HEAD_PARTIAL_CALL,
  PRERENDER_DIR,
  __toESM,
  contentDirSetting,
  defaultContentMounts,
  findKey,
  findSiteConfigFiles,
  getIn,
  headAdvice,
  headReport,
  isRecord,
  languageMount,
  layoutDirSetting,
  mergeConfig,
  moduleMounts,
  mountComponent,
  mountLanguage,
  normalizeRel,
  parseConfigText,
  require_dist,
  shadowTree,
  siteLayoutDirs,
  staticDirSetting
} from "./chunk-4NMVV5T6.js";

// src/site/init.ts
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};
var supportedEols = ["\n", "\r", "\r\n"];

// node_modules/jsonc-parser/lib/esm/impl/format.js
function format(documentText, range, options) {
  let initialIndentLevel;
  let formatText;
  let formatTextStart;
  let rangeStart;
  let rangeEnd;
  if (range) {
    rangeStart = range.offset;
    rangeEnd = rangeStart + range.length;
    formatTextStart = rangeStart;
    while (formatTextStart > 0 && !isEOL(documentText, formatTextStart - 1)) {
      formatTextStart--;
    }
    let endOffset = rangeEnd;
    while (endOffset < documentText.length && !isEOL(documentText, endOffset)) {
      endOffset++;
    }
    formatText = documentText.substring(formatTextStart, endOffset);
    initialIndentLevel = computeIndentLevel(formatText, options);
  } else {
    formatText = documentText;
    initialIndentLevel = 0;
    formatTextStart = 0;
    rangeStart = 0;
    rangeEnd = documentText.length;
  }
  const eol = getEOL(options, documentText);
  const eolFastPathSupported = supportedEols.includes(eol);
  let numberLineBreaks = 0;
  let indentLevel = 0;
  let indentValue;
  if (options.insertSpaces) {
    indentValue = cachedSpaces[options.tabSize || 4] ?? repeat(cachedSpaces[1], options.tabSize || 4);
  } else {
    indentValue = "	";
  }
  const indentType = indentValue === "	" ? "	" : " ";
  let scanner = createScanner(formatText, false);
  let hasError = false;
  function newLinesAndIndent() {
    if (numberLineBreaks > 1) {
      return repeat(eol, numberLineBreaks) + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    const amountOfSpaces = indentValue.length * (initialIndentLevel + indentLevel);
    if (!eolFastPathSupported || amountOfSpaces > cachedBreakLinesWithSpaces[indentType][eol].length) {
      return eol + repeat(indentValue, initialIndentLevel + indentLevel);
    }
    if (amountOfSpaces <= 0) {
      return eol;
    }
    return cachedBreakLinesWithSpaces[indentType][eol][amountOfSpaces];
  }
  function scanNext() {
    let token = scanner.scan();
    numberLineBreaks = 0;
    while (token === 15 || token === 14) {
      if (token === 14 && options.keepLines) {
        numberLineBreaks += 1;
      } else if (token === 14) {
        numberLineBreaks = 1;
      }
      token = scanner.scan();
    }
    hasError = token === 16 || scanner.getTokenError() !== 0;
    return token;
  }
  const editOperations = [];
  function addEdit(text, startOffset, endOffset) {
    if (!hasError && (!range || startOffset < rangeEnd && endOffset > rangeStart) && documentText.substring(startOffset, endOffset) !== text) {
      editOperations.push({ offset: startOffset, length: endOffset - startOffset, content: text });
    }
  }
  let firstToken = scanNext();
  if (options.keepLines && numberLineBreaks > 0) {
    addEdit(repeat(eol, numberLineBreaks), 0, 0);
  }
  if (firstToken !== 17) {
    let firstTokenStart = scanner.getTokenOffset() + formatTextStart;
    let initialIndent = indentValue.length * initialIndentLevel < 20 && options.insertSpaces ? cachedSpaces[indentValue.length * initialIndentLevel] : repeat(indentValue, initialIndentLevel);
    addEdit(initialIndent, formatTextStart, firstTokenStart);
  }
  while (firstToken !== 17) {
    let firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
    let secondToken = scanNext();
    let replaceContent = "";
    let needsLineBreak = false;
    while (numberLineBreaks === 0 && (secondToken === 12 || secondToken === 13)) {
      let commentTokenStart = scanner.getTokenOffset() + formatTextStart;
      addEdit(cachedSpaces[1], firstTokenEnd, commentTokenStart);
      firstTokenEnd = scanner.getTokenOffset() + scanner.getTokenLength() + formatTextStart;
      needsLineBreak = secondToken === 12;
      replaceContent = needsLineBreak ? newLinesAndIndent() : "";
      secondToken = scanNext();
    }
    if (secondToken === 2) {
      if (firstToken !== 1) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 1) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else if (secondToken === 4) {
      if (firstToken !== 3) {
        indentLevel--;
      }
      ;
      if (options.keepLines && numberLineBreaks > 0 || !options.keepLines && firstToken !== 3) {
        replaceContent = newLinesAndIndent();
      } else if (options.keepLines) {
        replaceContent = cachedSpaces[1];
      }
    } else {
      switch (firstToken) {
        case 3:
        case 1:
          indentLevel++;
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 5:
          if (options.keepLines && numberLineBreaks > 0 || !options.keepLines) {
            replaceContent = newLinesAndIndent();
          } else {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 12:
          replaceContent = newLinesAndIndent();
          break;
        case 13:
          if (numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 6:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (!needsLineBreak) {
            replaceContent = cachedSpaces[1];
          }
          break;
        case 10:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else if (secondToken === 6 && !needsLineBreak) {
            replaceContent = "";
          }
          break;
        case 7:
        case 8:
        case 9:
        case 11:
        case 2:
        case 4:
          if (options.keepLines && numberLineBreaks > 0) {
            replaceContent = newLinesAndIndent();
          } else {
            if ((secondToken === 12 || secondToken === 13) && !needsLineBreak) {
              replaceContent = cachedSpaces[1];
            } else if (secondToken !== 5 && secondToken !== 17) {
              hasError = true;
            }
          }
          break;
        case 16:
          hasError = true;
          break;
      }
      if (numberLineBreaks > 0 && (secondToken === 12 || secondToken === 13)) {
        replaceContent = newLinesAndIndent();
      }
    }
    if (secondToken === 17) {
      if (options.keepLines && numberLineBreaks > 0) {
        replaceContent = newLinesAndIndent();
      } else {
        replaceContent = options.insertFinalNewline ? eol : "";
      }
    }
    const secondTokenStart = scanner.getTokenOffset() + formatTextStart;
    addEdit(replaceContent, firstTokenEnd, secondTokenStart);
    firstToken = secondToken;
  }
  return editOperations;
}
function repeat(s, count) {
  let result = "";
  for (let i = 0; i < count; i++) {
    result += s;
  }
  return result;
}
function computeIndentLevel(content, options) {
  let i = 0;
  let nChars = 0;
  const tabSize = options.tabSize || 4;
  while (i < content.length) {
    let ch = content.charAt(i);
    if (ch === cachedSpaces[1]) {
      nChars++;
    } else if (ch === "	") {
      nChars += tabSize;
    } else {
      break;
    }
    i++;
  }
  return Math.floor(nChars / tabSize);
}
function getEOL(options, text) {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === "\r") {
      if (i + 1 < text.length && text.charAt(i + 1) === "\n") {
        return "\r\n";
      }
      return "\r";
    } else if (ch === "\n") {
      return "\n";
    }
  }
  return options && options.eol || "\n";
}
function isEOL(text, offset) {
  return "\r\n".indexOf(text.charAt(offset)) !== -1;
}

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path2) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path2) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/impl/edit.js
function setProperty(text, originalPath, value, options) {
  const path2 = originalPath.slice();
  const errors = [];
  const root = parseTree(text, errors);
  let parent = void 0;
  let lastSegment = void 0;
  while (path2.length > 0) {
    lastSegment = path2.pop();
    parent = findNodeAtLocation(root, path2);
    if (parent === void 0 && value !== void 0) {
      if (typeof lastSegment === "string") {
        value = { [lastSegment]: value };
      } else {
        value = [value];
      }
    } else {
      break;
    }
  }
  if (!parent) {
    if (value === void 0) {
      throw new Error("Can not delete in empty document");
    }
    return withFormatting(text, { offset: root ? root.offset : 0, length: root ? root.length : 0, content: JSON.stringify(value) }, options);
  } else if (parent.type === "object" && typeof lastSegment === "string" && Array.isArray(parent.children)) {
    const existing = findNodeAtLocation(parent, [lastSegment]);
    if (existing !== void 0) {
      if (value === void 0) {
        if (!existing.parent) {
          throw new Error("Malformed AST");
        }
        const propertyIndex = parent.children.indexOf(existing.parent);
        let removeBegin;
        let removeEnd = existing.parent.offset + existing.parent.length;
        if (propertyIndex > 0) {
          let previous = parent.children[propertyIndex - 1];
          removeBegin = previous.offset + previous.length;
        } else {
          removeBegin = parent.offset + 1;
          if (parent.children.length > 1) {
            let next = parent.children[1];
            removeEnd = next.offset;
          }
        }
        return withFormatting(text, { offset: removeBegin, length: removeEnd - removeBegin, content: "" }, options);
      } else {
        return withFormatting(text, { offset: existing.offset, length: existing.length, content: JSON.stringify(value) }, options);
      }
    } else {
      if (value === void 0) {
        return [];
      }
      const newProperty = `${JSON.stringify(lastSegment)}: ${JSON.stringify(value)}`;
      const index = options.getInsertionIndex ? options.getInsertionIndex(parent.children.map((p) => p.children[0].value)) : parent.children.length;
      let edit;
      if (index > 0) {
        let previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      } else if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty + "," };
      }
      return withFormatting(text, edit, options);
    }
  } else if (parent.type === "array" && typeof lastSegment === "number" && Array.isArray(parent.children)) {
    const insertIndex = lastSegment;
    if (insertIndex === -1) {
      const newProperty = `${JSON.stringify(value)}`;
      let edit;
      if (parent.children.length === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: newProperty };
      } else {
        const previous = parent.children[parent.children.length - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else if (value === void 0 && parent.children.length >= 0) {
      const removalIndex = lastSegment;
      const toRemove = parent.children[removalIndex];
      let edit;
      if (parent.children.length === 1) {
        edit = { offset: parent.offset + 1, length: parent.length - 2, content: "" };
      } else if (parent.children.length - 1 === removalIndex) {
        let previous = parent.children[removalIndex - 1];
        let offset = previous.offset + previous.length;
        let parentEndOffset = parent.offset + parent.length;
        edit = { offset, length: parentEndOffset - 2 - offset, content: "" };
      } else {
        edit = { offset: toRemove.offset, length: parent.children[removalIndex + 1].offset - toRemove.offset, content: "" };
      }
      return withFormatting(text, edit, options);
    } else if (value !== void 0) {
      let edit;
      const newProperty = `${JSON.stringify(value)}`;
      if (!options.isArrayInsertion && parent.children.length > lastSegment) {
        const toModify = parent.children[lastSegment];
        edit = { offset: toModify.offset, length: toModify.length, content: newProperty };
      } else if (parent.children.length === 0 || lastSegment === 0) {
        edit = { offset: parent.offset + 1, length: 0, content: parent.children.length === 0 ? newProperty : newProperty + "," };
      } else {
        const index = lastSegment > parent.children.length ? parent.children.length : lastSegment;
        const previous = parent.children[index - 1];
        edit = { offset: previous.offset + previous.length, length: 0, content: "," + newProperty };
      }
      return withFormatting(text, edit, options);
    } else {
      throw new Error(`Can not ${value === void 0 ? "remove" : options.isArrayInsertion ? "insert" : "modify"} Array index ${insertIndex} as length is not sufficient`);
    }
  } else {
    throw new Error(`Can not add ${typeof lastSegment !== "number" ? "index" : "property"} to parent of type ${parent.type}`);
  }
}
function withFormatting(text, edit, options) {
  if (!options.formattingOptions) {
    return [edit];
  }
  let newText = applyEdit(text, edit);
  let begin = edit.offset;
  let end = edit.offset + edit.content.length;
  if (edit.length === 0 || edit.content.length === 0) {
    while (begin > 0 && !isEOL(newText, begin - 1)) {
      begin--;
    }
    while (end < newText.length && !isEOL(newText, end)) {
      end++;
    }
  }
  const edits = format(newText, { offset: begin, length: end - begin }, { ...options.formattingOptions, keepLines: false });
  for (let i = edits.length - 1; i >= 0; i--) {
    const edit2 = edits[i];
    newText = applyEdit(newText, edit2);
    begin = Math.min(begin, edit2.offset);
    end = Math.max(end, edit2.offset + edit2.length);
    end += edit2.content.length - edit2.length;
  }
  const editLength = text.length - (newText.length - end) - begin;
  return [{ offset: begin, length: editLength, content: newText.substring(begin, end) }];
}
function applyEdit(text, edit) {
  return text.substring(0, edit.offset) + edit.content + text.substring(edit.offset + edit.length);
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function modify(text, path2, value, options) {
  return setProperty(text, path2, value, options);
}
function applyEdits(text, edits) {
  let sortedEdits = edits.slice(0).sort((a, b) => {
    const diff = a.offset - b.offset;
    if (diff === 0) {
      return a.length - b.length;
    }
    return diff;
  });
  let lastModifiedOffset = text.length;
  for (let i = sortedEdits.length - 1; i >= 0; i--) {
    let e = sortedEdits[i];
    if (e.offset + e.length <= lastModifiedOffset) {
      text = applyEdit(text, e);
    } else {
      throw new Error("Overlapping edit");
    }
    lastModifiedOffset = e.offset;
  }
  return text;
}

// src/site/config-edit.ts
var import_yaml = __toESM(require_dist(), 1);
var EditError = class extends Error {
  constructor(message, offset) {
    super(message);
    this.offset = offset;
  }
  offset;
};
function lineColumn(text, offset) {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
function editMounts(format2, text, rootIsModule, edit) {
  if (format2 === "toml") return editToml(text, rootIsModule, edit);
  if (format2 === "yaml") return editYaml(text, rootIsModule, edit);
  return editJson(text, rootIsModule, edit);
}
function mountsSnippet(format2, rootIsModule, mounts) {
  if (format2 === "toml") {
    const header = rootIsModule ? "[[mounts]]" : "[[module.mounts]]";
    return mounts.map((m) => [header, ...tomlBody(m)].join("\n")).join("\n\n");
  }
  if (format2 === "yaml") {
    const ind = rootIsModule ? "" : "  ";
    return [...rootIsModule ? [] : ["module:"], `${ind}mounts:`, ...mounts.flatMap((m) => yamlItem(m, `${ind}  `, 2, void 0))].join("\n");
  }
  const list = JSON.stringify(mounts.map(written), null, 2);
  return rootIsModule ? `"mounts": ${list}` : `"module": {
  "mounts": ${list.replace(/\n/g, "\n  ")}
}`;
}
function written(m) {
  const l = mountLanguage(m);
  if (!l) return { source: m.source, target: m.target };
  return l.style === "lang" ? { source: m.source, target: m.target, lang: l.lang } : { source: m.source, target: m.target, sites: { matrix: { languages: [l.lang] } } };
}
function eolOf(text) {
  const m = /\r?\n/.exec(text);
  return m ? m[0] : "\n";
}
function applySplices(text, splices) {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    out += text.slice(pos, Math.max(pos, s.start)) + s.text;
    pos = Math.max(pos, s.end);
  }
  return out + text.slice(pos);
}
function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}
function endOfLine(text, offset) {
  const nl = text.indexOf("\n", offset);
  return nl < 0 ? text.length : nl + 1;
}
function startOfLine(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function insertLines(text, at, lines, eol) {
  const lead = at === text.length && text.length > 0 && !text.endsWith("\n") ? eol : "";
  return { start: at, end: at, text: lead + lines.map((l) => l + eol).join("") };
}
function tomlString(s) {
  return JSON.stringify(s);
}
function tomlBody(m) {
  const lines = [`source = ${tomlString(m.source)}`, `target = ${tomlString(m.target)}`];
  const l = mountLanguage(m);
  if (l?.style === "lang") lines.push(`lang = ${tomlString(l.lang)}`);
  else if (l) lines.push(`sites = { matrix = { languages = [${tomlString(l.lang)}] } }`);
  return lines;
}
function editToml(text, rootIsModule, edit) {
  const eol = eolOf(text);
  const headerRe = rootIsModule ? /^[ \t]*\[\[[ \t]*mounts[ \t]*\]\]/i : /^[ \t]*\[\[[ \t]*module[ \t]*\.[ \t]*mounts[ \t]*\]\]/i;
  const header = rootIsModule ? "[[mounts]]" : "[[module.mounts]]";
  const starts = lineStarts(text);
  const lineAt = (i) => text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length).replace(/\r?\n$/, "");
  const nLines = text.endsWith("\n") ? starts.length - 1 : starts.length;
  const headers = [];
  for (let i = 0; i < nLines; i++) if (headerRe.test(lineAt(i))) headers.push(i);
  if (headers.length !== edit.inFile.length) {
    const m = /^[ \t]*(module[ \t]*\.[ \t]*)?mounts[ \t]*=|^[ \t]*module[ \t]*=/im.exec(text);
    throw new EditError(`module.mounts is not written as ${header} tables (an inline array or table?), which init cannot extend safely`, m?.index ?? 0);
  }
  const blocks = headers.map((h) => {
    let last = h;
    for (let i = h + 1; i < nLines && !/^[ \t]*\[/.test(lineAt(i)); i++) if (!/^[ \t]*(#.*)?$/.test(lineAt(i))) last = i;
    return { header: h, last };
  });
  const lineStart = (i) => i < starts.length ? starts[i] : text.length;
  const splices = [];
  const block = (m) => {
    const c = edit.comment(m);
    return [header, ...c ? [`# ${c}`] : [], ...tomlBody(m)];
  };
  for (const [k, b] of blocks.entries()) {
    if (edit.remove.has(k)) {
      let from = b.header;
      if (from > 0 && lineAt(from - 1).trim() === "") from--;
      splices.push({ start: lineStart(from), end: lineStart(b.last + 1), text: "" });
      continue;
    }
    const m = edit.respell.get(k);
    if (!m) continue;
    const keyLines = [];
    for (let i = b.header + 1; i <= b.last; i++) if (/^[ \t]*(lang|sites)[ \t]*[=.]/i.test(lineAt(i))) keyLines.push(i);
    const body = tomlBody(m).slice(2);
    if (keyLines.length === 0) throw new EditError("this mount has a language that init cannot find to respell", lineStart(b.header));
    for (const [j, i] of keyLines.entries()) {
      const indent = /^[ \t]*/.exec(lineAt(i))[0];
      splices.push({ start: lineStart(i), end: lineStart(i + 1), text: j === 0 ? body.map((l) => indent + l + eol).join("") : "" });
    }
  }
  const kept = blocks.filter((_, k) => !edit.remove.has(k));
  const groups = (ms) => ms.flatMap((m, i) => [...i > 0 ? [""] : [], ...block(m)]);
  if (kept.length === 0) {
    const all = [...edit.before, ...edit.after];
    if (all.length > 0) {
      const tail = text.replace(/(\r?\n)*$/, "").length;
      const lines = groups(all);
      const at = text.length;
      splices.push(insertLines(text, at, tail > 0 && !/(\r?\n){2}$/.test(text) ? ["", ...lines] : lines, eol));
    }
  } else {
    if (edit.before.length > 0) {
      splices.push(insertLines(text, lineStart(kept[0].header), [...groups(edit.before), ""], eol));
    }
    if (edit.after.length > 0) {
      const last = kept.at(-1).last;
      splices.push(insertLines(text, lineStart(last + 1), ["", ...groups(edit.after)], eol));
    }
  }
  return applySplices(text, splices);
}
var PLAIN_YAML = /^[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;
var YAML_SPECIAL = /^(true|false|null|yes|no|on|off|y|n|~|[-+.]?\d[\d._eE+-]*|\.inf|\.nan)$/i;
function yamlScalar(s) {
  return PLAIN_YAML.test(s) && !YAML_SPECIAL.test(s) ? s : JSON.stringify(s);
}
function yamlLanguage(m) {
  const l = mountLanguage(m);
  if (!l) return void 0;
  return l.style === "lang" ? `lang: ${yamlScalar(l.lang)}` : `sites: { matrix: { languages: [${yamlScalar(l.lang)}] } }`;
}
function yamlItem(m, indent, offset, comment) {
  const inner = indent + " ".repeat(offset);
  const lang = yamlLanguage(m);
  return [
    ...comment ? [`${indent}# ${comment}`] : [],
    `${indent}-${" ".repeat(offset - 1)}source: ${yamlScalar(m.source)}`,
    `${inner}target: ${yamlScalar(m.target)}`,
    ...lang ? [`${inner}${lang}`] : []
  ];
}
function keyOf(p) {
  const k = (0, import_yaml.isScalar)(p.key) ? p.key.value : p.key;
  return typeof k === "string" ? k : void 0;
}
function findPair(map, key) {
  return map.items.find((p) => keyOf(p)?.toLowerCase() === key);
}
function nodeStart(n) {
  return n?.range?.[0] ?? 0;
}
function nodeLastChar(text, n) {
  let end = n.range[1];
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end - 1;
}
function yamlIndentUnit(text) {
  let unit = 0;
  for (const m of text.matchAll(/^( +)[^\s#-]/gm)) {
    const n = m[1].length;
    if (unit === 0 || n < unit) unit = n;
  }
  return unit || 2;
}
function editYaml(text, rootIsModule, edit) {
  const docs = (0, import_yaml.parseAllDocuments)(text);
  if (!Array.isArray(docs) || docs.length > 1) throw new EditError("the file holds more than one YAML document", 0);
  const doc = docs[0];
  if (doc && doc.errors.length > 0) throw new EditError(doc.errors[0].message, doc.errors[0].pos[0]);
  const eol = eolOf(text);
  const unit = yamlIndentUnit(text);
  const col = (offset2) => offset2 - startOfLine(text, offset2);
  const spaces = (n) => " ".repeat(n);
  const items = (ms, indent, offset2) => ms.flatMap((m) => yamlItem(m, spaces(indent), offset2, edit.comment(m)));
  const all = [...edit.before, ...edit.after];
  const endOfDoc = () => {
    if (doc && /^\.\.\.\s*$/m.test(text.slice(doc.range[1]))) throw new EditError('the YAML document ends with "..."', doc.range[1]);
    return text.length;
  };
  const root = doc?.contents ?? null;
  let moduleMap;
  if (root !== null && !(0, import_yaml.isMap)(root)) throw new EditError("the top level of the file is not a map", nodeStart(root));
  if (root !== null && root.flow) throw new EditError("the top level is a flow map ({\u2026})", nodeStart(root));
  if (rootIsModule) {
    if (root === null || root.items.length === 0) {
      return applySplices(text, [insertLines(text, endOfDoc(), ["mounts:", ...items(all, unit, 2)], eol)]);
    }
    moduleMap = root;
  } else {
    const pair = root ? findPair(root, "module") : void 0;
    if (!pair) {
      const at = root && root.items.length > 0 ? col(nodeStart(root.items[0].key)) : 0;
      const lines = [`${spaces(at)}module:`, `${spaces(at + unit)}mounts:`, ...items(all, at + 2 * unit, 2)];
      const lead = text.trim() === "" || /(\r?\n){2}$/.test(text) ? [] : [""];
      return applySplices(text, [insertLines(text, endOfDoc(), [...lead, ...lines], eol)]);
    }
    const value = pair.value;
    const keyCol = col(nodeStart(pair.key));
    if (value === null || (0, import_yaml.isScalar)(value) && value.value === null && value.source === "") {
      const at = endOfLine(text, nodeStart(pair.key));
      return applySplices(text, [insertLines(text, at, [`${spaces(keyCol + unit)}mounts:`, ...items(all, keyCol + 2 * unit, 2)], eol)]);
    }
    if (!(0, import_yaml.isMap)(value) || value.flow) {
      throw new EditError('"module" is written in flow style ({\u2026}) or is not a map, so init cannot add lines to it', nodeStart(value));
    }
    moduleMap = value;
  }
  const mapCol = col(nodeStart(moduleMap.items[0].key));
  const mountsPair = findPair(moduleMap, "mounts");
  if (!mountsPair) {
    const lastPair = moduleMap.items.at(-1);
    const last = lastPair.value ?? lastPair.key;
    const at = endOfLine(text, nodeLastChar(text, last));
    return applySplices(text, [insertLines(text, at, [`${spaces(mapCol)}mounts:`, ...items(all, mapCol + unit, 2)], eol)]);
  }
  const seqValue = mountsPair.value;
  const afterKey = endOfLine(text, nodeStart(mountsPair.key));
  if (seqValue === null || (0, import_yaml.isScalar)(seqValue) && seqValue.value === null && seqValue.source === "") {
    return applySplices(text, [insertLines(text, afterKey, items(all, mapCol + unit, 2), eol)]);
  }
  if (!(0, import_yaml.isSeq)(seqValue) || seqValue.flow) {
    throw new EditError('"mounts" is written in flow style ([\u2026]) or is not a list, so init cannot add lines to it', nodeStart(seqValue));
  }
  const seq = seqValue;
  const entries = seq.items;
  const dashCol = col(nodeStart(seq));
  const first = entries[0];
  const offset = first && (0, import_yaml.isMap)(first) && !first.flow ? Math.max(2, col(nodeStart(first)) - dashCol) : 2;
  const splices = [];
  const mountEntries = entries.filter((e) => (0, import_yaml.isMap)(e) && findPair(e, "source") && findPair(e, "target"));
  if (mountEntries.length !== edit.inFile.length) throw new EditError("a mount in this list is not a map with source and target", nodeStart(seq));
  for (const [k, node] of mountEntries.entries()) {
    const map = node;
    if (edit.remove.has(k)) {
      let from = startOfLine(text, nodeStart(map));
      while (from > 0) {
        const prev = startOfLine(text, from - 1);
        if (!/^[ \t]*#\s*hugo-prerender/.test(text.slice(prev, from))) break;
        from = prev;
      }
      if (!/^[ \t]*-/.test(text.slice(startOfLine(text, nodeStart(map))))) throw new EditError("a mount of hugo-prerender shares its line with other text", nodeStart(map));
      splices.push({ start: from, end: endOfLine(text, nodeLastChar(text, map)), text: "" });
      continue;
    }
    const m = edit.respell.get(k);
    if (!m) continue;
    if (map.flow) throw new EditError("this language mount is written in flow style ({\u2026}); respell its language by hand", nodeStart(map));
    const langPairs = map.items.filter((p) => ["lang", "sites"].includes(keyOf(p)?.toLowerCase() ?? ""));
    if (langPairs.length === 0) throw new EditError("this mount has a language that init cannot find to respell", nodeStart(map));
    for (const [j, p] of langPairs.entries()) {
      const start = nodeStart(p.key);
      const end = nodeLastChar(text, p.value ?? p.key) + 1;
      if (j === 0) splices.push({ start, end, text: yamlLanguage(m) });
      else splices.push({ start: startOfLine(text, start), end: endOfLine(text, end - 1), text: "" });
    }
  }
  const kept = mountEntries.filter((_, k) => !edit.remove.has(k));
  if (edit.before.length > 0 || kept.length === 0) {
    splices.push(insertLines(text, afterKey, items(kept.length === 0 ? all : edit.before, dashCol, offset), eol));
  }
  if (kept.length > 0 && edit.after.length > 0) {
    splices.push(insertLines(text, endOfLine(text, nodeLastChar(text, kept.at(-1))), items(edit.after, dashCol, offset), eol));
  }
  return applySplices(text, splices);
}
function jsonKey(node, key) {
  if (node?.type !== "object") return void 0;
  for (const p of node.children ?? []) {
    const k = p.children?.[0]?.value;
    if (typeof k === "string" && k.toLowerCase() === key) return k;
  }
  return void 0;
}
function editJson(text, rootIsModule, edit) {
  const eol = eolOf(text);
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  const formattingOptions = { insertSpaces: !indent.includes("	"), tabSize: indent.includes("	") ? 1 : indent.length, eol };
  let t = text;
  const tree = () => {
    const root2 = parseTree2(t);
    if (!root2 || root2.type !== "object") throw new EditError("the top level of the file is not an object", 0);
    return root2;
  };
  let root = tree();
  const base = [];
  if (!rootIsModule) {
    const mk = jsonKey(root, "module") ?? "module";
    const mod = findNodeAtLocation2(root, [mk]);
    if (mod && mod.type !== "object") throw new EditError('"module" is not an object', mod.offset);
    base.push(mk);
  }
  const moduleNode = base.length ? findNodeAtLocation2(root, base) : root;
  const mountsKey = jsonKey(moduleNode, "mounts") ?? "mounts";
  const path2 = [...base, mountsKey];
  const list = findNodeAtLocation2(root, path2);
  const all = [...edit.before, ...edit.after];
  const apply = (p, value, isArrayInsertion = false) => {
    t = applyEdits(t, modify(t, p, value, { formattingOptions, isArrayInsertion }));
  };
  if (!list) {
    apply(path2, all.map(written));
    return t;
  }
  if (list.type !== "array") throw new EditError('"mounts" is not an array', list.offset);
  const elements = list.children ?? [];
  const mountIdx = elements.map((e, i) => e.type === "object" ? i : -1).filter((i) => i >= 0);
  if (mountIdx.length !== edit.inFile.length) throw new EditError("a mount in this list is not an object with source and target", list.offset);
  for (const [k, m] of edit.respell) {
    const i = mountIdx[k];
    root = tree();
    const node = findNodeAtLocation2(root, [...path2, i]);
    const keys = (node?.children ?? []).map((p) => p.children?.[0]?.value).filter((v) => typeof v === "string");
    for (const key of keys.filter((x) => ["lang", "sites"].includes(x.toLowerCase()))) apply([...path2, i, key], void 0);
    for (const [key, value] of Object.entries(written(m)).filter(([x]) => x === "lang" || x === "sites")) apply([...path2, i, key], value);
  }
  const removed = [...edit.remove].map((k) => mountIdx[k]).sort((a, b) => b - a);
  for (const i of removed) apply([...path2, i], void 0);
  const keptCount = elements.length - removed.length;
  edit.after.forEach((m, j) => apply([...path2, keptCount + j], written(m), true));
  edit.before.forEach((m, j) => apply([...path2, j], written(m), true));
  return t;
}

// src/site/init.ts
var DEFAULT_PACKAGE_LAYOUTS = "node_modules/hugo-prerender/layouts";
var InitError = class extends Error {
};
var OUR_CONTENT = { source: `${PRERENDER_DIR}/content`, target: "content" };
var OUR_LAYOUTS = { source: `${PRERENDER_DIR}/layouts`, target: "layouts" };
var OUR_STATIC = { source: `${PRERENDER_DIR}/static`, target: "static" };
function ourLanguageContent(lang, style) {
  const tree = shadowTree(lang);
  return tree === void 0 ? void 0 : languageMount(`${PRERENDER_DIR}/${tree}`, "content", lang.toLowerCase(), style);
}
function mountLang(m) {
  return mountLanguage(m)?.lang;
}
function isOurs(m, packageLayouts) {
  const s = normalizeRel(m.source);
  return s === OUR_CONTENT.source || /^\.prerender\/content\.[^/]+$/.test(s) || s === OUR_LAYOUTS.source || s === OUR_STATIC.source || s === normalizeRel(packageLayouts) || // A previous init with another package location.
  /(^|\/)hugo-prerender\/layouts$/.test(s);
}
function planMounts(input) {
  const pkg = { source: normalizeRel(input.packageLayouts), target: "layouts" };
  const user = input.mounts.filter((m) => !isOurs(m, input.packageLayouts)).map((m) => respell(m, input.languageStyle));
  const has = (component) => user.some((m) => mountComponent(m.target) === component);
  const contentDefaults = input.contentDefaults ?? [{ source: input.contentDir, target: "content" }];
  const defaults = [
    ...has("content") ? [] : contentDefaults,
    ...has("layouts") ? [] : [{ source: input.layoutDir, target: "layouts" }],
    ...has("static") ? [] : input.staticDirs.map((d) => ({ source: d, target: "static" }))
  ];
  const content = [...user, ...defaults].filter((m) => mountComponent(m.target) === "content");
  const langs = [...new Set(content.map(mountLang).filter((l) => l !== void 0))];
  const shadows = langs.map((l) => ourLanguageContent(l, input.languageStyle ?? "lang")).filter((m) => m !== void 0);
  return [OUR_CONTENT, ...shadows, ...user, ...defaults, OUR_LAYOUTS, pkg, OUR_STATIC];
}
function respell(m, style) {
  const l = mountLanguage(m);
  if (!style || !l || l.style === style || mountComponent(m.target) !== "content") return m;
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => !["lang", "sites"].includes(k.toLowerCase())));
  return { ...rest, ...languageMount(m.source, m.target, l.lang, style) };
}
function sameSpelling(a, b) {
  const la = isRecord(a) ? mountLanguage(a) : void 0;
  const lb = mountLanguage(b);
  return la?.lang === lb?.lang && la?.style === lb?.style;
}
function isOurContent(m) {
  const s = normalizeRel(m.source);
  return s === OUR_CONTENT.source || /^\.prerender\/content\.[^/]+$/.test(s);
}
function perComponent(mounts) {
  const by = /* @__PURE__ */ new Map();
  for (const m of mounts) {
    const c = mountComponent(m.target);
    const l = mountLanguage(m);
    by.set(c, [...by.get(c) ?? [], `${normalizeRel(m.source)} -> ${normalizeRel(m.target)}${l ? ` (${l.style} ${l.lang})` : ""}`]);
  }
  return JSON.stringify([...by].sort(([a], [b]) => a < b ? -1 : 1));
}
function sameMounts(a, b) {
  return perComponent(a) === perComponent(b);
}
function fileModule(file, data) {
  if (file.key === "module") return { hasModule: true, mounts: getIn(data, "mounts") };
  if (file.key !== null) return { hasModule: false, mounts: void 0 };
  return { hasModule: getIn(data, "module") !== void 0, mounts: getIn(data, "module.mounts") };
}
function chooseTarget(siteDir) {
  const files = findSiteConfigFiles(siteDir, null);
  if (files.length === 0) {
    throw new InitError(
      `no Hugo configuration found in ${siteDir} (hugo.toml, hugo.yaml, hugo.json, config.* or config/_default/); run init in the site's root or pass --source`
    );
  }
  let merged = {};
  const parsed = [];
  for (const file of files) {
    const text = readFileSync(file.path, "utf8");
    const { data, diagnostics } = parseConfigText(text, file.format, path.relative(siteDir, file.path));
    const err = diagnostics.find((d) => d.severity === "error");
    if (err) throw new InitError(`${err.file}:${err.line}:${err.column}: ${err.message}; fix the config before running init`);
    parsed.push({ file, text, data });
    merged = mergeConfig(merged, file.key === null ? data : { [file.key]: data });
  }
  const withMounts = parsed.filter((t) => fileModule(t.file, t.data).mounts !== void 0);
  const withModule = parsed.filter((t) => fileModule(t.file, t.data).hasModule);
  const main = parsed.find((t) => t.file.key === null);
  const target = withMounts.at(-1) ?? withModule.at(-1) ?? main;
  return { target, merged };
}
var WHY = {
  [OUR_CONTENT.source]: "hugo-prerender: prerendered copies of pages, read before content/ (the first mount wins)",
  [OUR_LAYOUTS.source]: "hugo-prerender: rendered fragments (partials/prerender/*)",
  [OUR_STATIC.source]: "hugo-prerender: KaTeX stylesheet and fonts, generated images"
};
function commentFor(m, packageLayouts, reAdded) {
  if (WHY[m.source]) return WHY[m.source];
  if (isOurContent(m)) return `hugo-prerender: prerendered copies of the ${mountLang(m)} pages, read before that language's content (the first mount wins)`;
  if (m.source === normalizeRel(packageLayouts)) return "hugo-prerender: its templates (prerender shortcode, partials/prerender/head.html)";
  const lang = mountLang(m);
  if (reAdded.has(m) && lang && mountComponent(m.target) === "content") {
    return `hugo-prerender init: the content directory of language ${lang} (its contentDir), re-added with its lang (any content mount replaces it)`;
  }
  if (reAdded.has(m)) return `hugo-prerender init: Hugo's default ${m.target} directory, re-added (any mount replaces the default)`;
  return void 0;
}
function mountEdit(plan, inFile, packageLayouts, reAdded) {
  const remove = new Set(inFile.map((m, k) => isOurs(m, packageLayouts) ? k : -1).filter((k) => k >= 0));
  const planned = plan.filter((m) => !isOurs(m, packageLayouts) && !reAdded.has(m));
  const respell2 = /* @__PURE__ */ new Map();
  let j = 0;
  for (const [k, m] of inFile.entries()) {
    if (remove.has(k)) continue;
    const p = planned[j++];
    if (p && !sameSpelling(m, p)) respell2.set(k, p);
  }
  return {
    inFile,
    remove,
    respell: respell2,
    before: plan.filter(isOurContent),
    after: plan.filter((m) => reAdded.has(m) || isOurs(m, packageLayouts) && !isOurContent(m)),
    comment: (m) => commentFor(m, packageLayouts, reAdded)
  };
}
function withoutMounts(data, rootIsModule) {
  const copy = structuredClone(data);
  const mod = rootIsModule ? copy : copy[findKey(copy, "module") ?? "module"];
  if (isRecord(mod)) {
    const k = findKey(mod, "mounts");
    if (k !== void 0) delete mod[k];
    if (!rootIsModule && Object.keys(mod).length === 0) delete copy[findKey(copy, "module")];
  }
  return JSON.stringify(copy);
}
function describe(m) {
  const l = mountLanguage(m);
  const lang = !l ? "" : l.style === "lang" ? `, lang = ${JSON.stringify(l.lang)}` : `, sites = { matrix = { languages = [${JSON.stringify(l.lang)}] } }`;
  return `source = ${JSON.stringify(m.source)}, target = ${JSON.stringify(m.target)}${lang}`;
}
function headHints(site, data) {
  const report = headReport(siteLayoutDirs(site, data));
  if (report.linking.length > 0) return [];
  const hook = report.hooks[0];
  if (hook) return [`Your theme has a head hook (${hook.theme}): create ${hook.file} containing the line ${HEAD_PARTIAL_CALL}`];
  if (report.override) return [headAdvice(report, site).replace(/^your/, "Your")];
  const list = HEAD_HOOKS.map((h) => `${h.theme}: ${h.file}`).join("; ");
  return [`In your <head> template add: ${HEAD_PARTIAL_CALL} (with a theme, put it in the theme's head hook instead of copying its head: ${list})`];
}
function initSite(siteDir, opts = {}) {
  const site = path.resolve(siteDir);
  let packageLayouts = opts.packageLayouts ?? DEFAULT_PACKAGE_LAYOUTS;
  if (path.isAbsolute(packageLayouts)) {
    const rel2 = path.relative(site, packageLayouts);
    if (!rel2.startsWith("..") && !path.isAbsolute(rel2)) packageLayouts = rel2;
  }
  packageLayouts = normalizeRel(packageLayouts);
  const { target, merged } = chooseTarget(site);
  const current = moduleMounts(merged);
  const plan = planMounts({
    mounts: current,
    contentDir: normalizeRel(contentDirSetting(merged)),
    contentDefaults: defaultContentMounts(merged, opts.languageStyle).map((m) => ({ ...m, source: normalizeRel(m.source) })),
    languageStyle: opts.languageStyle,
    layoutDir: normalizeRel(layoutDirSetting(merged)),
    staticDirs: staticDirSetting(merged).map(normalizeRel),
    packageLayouts
  });
  const rel = path.relative(site, target.file.path).split(path.sep).join("/");
  const messages = [];
  const gitignore = path.join(site, ".gitignore");
  const ignored = existsSync(gitignore) && /^\/?\.prerender\/?\s*$/m.test(readFileSync(gitignore, "utf8"));
  const hints = [
    ...ignored ? [] : [`Add this line to .gitignore (generated output): ${PRERENDER_DIR}/`],
    ...headHints(site, merged),
    "Build with `npx hugo-prerender hugo [hugo arguments]`: it prerenders, then runs hugo, and names your files in Hugo's messages (not their .prerender/ copies). Or run `npx hugo-prerender build` before `hugo`; `npx hugo-prerender serve` instead of `hugo server`."
  ];
  if (sameMounts(current, plan)) {
    messages.push(`${rel} already has the mounts hugo-prerender needs; nothing changed.`, ...hints);
    return { changed: false, file: target.file.path, messages };
  }
  const reAdded = new Set(
    plan.filter(
      (m) => !isOurs(m, packageLayouts) && !current.some((c) => c === m || normalizeRel(c.source) === normalizeRel(m.source) && normalizeRel(c.target) === normalizeRel(m.target) && mountLanguage(c)?.lang === mountLanguage(m)?.lang)
    )
  );
  const rootIsModule = target.file.key === "module";
  const inFile = moduleMounts(rootIsModule ? { module: target.data } : target.data);
  const cannot = (where, why) => new InitError(
    `${where}: ${why}; the file was not changed. Make its module mounts these, in this order (the lines to paste):

${mountsSnippet(target.file.format, rootIsModule, plan)}
`
  );
  let text;
  try {
    text = editMounts(target.file.format, target.text, rootIsModule, mountEdit(plan, inFile, packageLayouts, reAdded));
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    const at = lineColumn(target.text, e.offset);
    throw cannot(`${rel}:${at.line}:${at.column}`, e.message);
  }
  const check = parseConfigText(text, target.file.format, rel);
  const after = moduleMounts(rootIsModule ? { module: check.data } : check.data);
  if (check.diagnostics.length > 0 || !sameMounts(after, plan) || withoutMounts(check.data, rootIsModule) !== withoutMounts(target.data, rootIsModule)) {
    const d = check.diagnostics[0];
    throw cannot(d ? `${rel}:${d.line}:${d.column}` : rel, `could not add the mounts safely (${d?.message ?? "the edited config did not read back as planned"})`);
  }
  writeFileAtomic(target.file.path, text);
  messages.push(`Updated ${rel}: module mounts now (per component, first wins):`);
  for (const m of plan) {
    const isNew = !current.some((c) => normalizeRel(c.source) === normalizeRel(m.source) && normalizeRel(c.target) === normalizeRel(m.target));
    messages.push(`  ${isNew ? "+" : " "} ${describe(m)}${reAdded.has(m) ? "  (Hugo default, re-added)" : ""}`);
  }
  messages.push(...hints);
  return { changed: true, file: target.file.path, messages };
}

export {
  DEFAULT_PACKAGE_LAYOUTS,
  InitError,
  planMounts,
  sameMounts,
  initSite
};
