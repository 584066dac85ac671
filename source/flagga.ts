/** A flag's name as typed: "analysFile" → "analys-file". */
export function kebab(name: string): string {
	return name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}
