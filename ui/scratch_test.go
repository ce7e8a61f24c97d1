package ui
import "testing"
func TestScratch(t *testing.T){
 hs:=seedsHarness(t,80,24)
 hs.press("j","j")
 t.Log(hs.m.list.sel, hs.selectedTitle())
 t.Log("\n"+hs.view())
}
