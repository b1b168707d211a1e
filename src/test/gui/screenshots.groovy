// Run by JMeter at start-up (-Jjsr223.init.file=...) from src/test/gui/screenshots.sh: waits for
// the GUI to show test-plans/every-element.jmx, then selects each RateGuard element as a user would,
// opens the Add menus where the elements are found, starts the plan with a bad value to show the
// error, and saves a PNG of the screen for each. Ends JMeter when done.
import org.apache.jmeter.gui.GuiPackage
import org.apache.jmeter.gui.action.ActionNames
import org.apache.jmeter.gui.action.ActionRouter
import org.apache.jmeter.gui.tree.JMeterTreeNode

import javax.imageio.ImageIO
import javax.swing.*
import javax.swing.tree.TreePath
import java.awt.*
import java.awt.event.ActionEvent

def outDir = new File(props.getProperty('rateguard.screenshots.dir', 'docs/images'))
outDir.mkdirs()
def made = []

def edt = { Closure c -> SwingUtilities.invokeAndWait(c as Runnable) }

def node = { GuiPackage gp, String name ->
    def all = gp.treeModel.root.depthFirstEnumeration().toList()
    def found = all.find { it instanceof JMeterTreeNode && it.name == name }
    if (found == null) throw new IllegalStateException("no node named '$name' in the plan")
    found
}

def select = { GuiPackage gp, String name ->
    def n = node(gp, name)
    edt {
        def path = new TreePath(n.path)
        gp.treeListener.JTree.selectionPath = path
        gp.treeListener.JTree.scrollPathToVisible(path)
    }
    sleep 1200
    n
}

def shoot = { String file, Rectangle area ->
    sleep 600
    def image = new Robot().createScreenCapture(area)
    ImageIO.write(image, 'png', new File(outDir, file))
    made << file
    log.info("RateGuard screenshot: {}", file)
}

def findAll
findAll = { Component c, Class type ->
    def hits = type.isInstance(c) ? [c] : []
    if (c instanceof Container) c.components.each { hits.addAll(findAll(it, type)) }
    hits
}

// opens the node's right-click menu at Add > <group>, as a user hovering there sees it
def openAddMenu = { GuiPackage gp, String nodeName, String group ->
    def n = select(gp, nodeName)
    edt {
        def tree = gp.treeListener.JTree
        def bounds = tree.getPathBounds(new TreePath(n.path))
        JPopupMenu popup = gp.currentGui.createPopupMenu()
        popup.show(tree, (int) bounds.x + 40, (int) bounds.y + (int) bounds.height)
        JMenu add = popup.components.find { it instanceof JMenu && it.text == 'Add' }
        JMenu sub = add.menuComponents.find { it instanceof JMenu && it.text == group }
        MenuSelectionManager.defaultManager().selectedPath = [popup, add, add.popupMenu, sub, sub.popupMenu] as MenuElement[]
    }
    sleep 800
}

def closeMenus = {
    edt { MenuSelectionManager.defaultManager().clearSelectedPath() }
    sleep 300
}

Thread.start('RateGuard screenshots') {
    int status = 0
    try {
        GuiPackage gp = null
        long deadline = System.currentTimeMillis() + 120_000
        while (System.currentTimeMillis() < deadline) {
            gp = GuiPackage.getInstance()
            if (gp?.mainFrame?.showing && gp.treeModel.root.depthFirstEnumeration().toList().any { it instanceof JMeterTreeNode && it.name == 'Update IVR' }) break
            sleep 250
        }
        if (gp == null) throw new IllegalStateException('the JMeter GUI did not come up')
        def frame = gp.mainFrame
        edt {
            frame.extendedState = Frame.NORMAL
            frame.bounds = new Rectangle(0, 0, 1280, 820)
            // open every node, as after a user expanded the plan
            def tree = gp.treeListener.JTree
            for (int i = 0; i < tree.rowCount; i++) tree.expandRow(i)
        }
        sleep 2500
        Rectangle window = new Rectangle(0, 0, 1280, 820)

        select(gp, 'RateGuard Bucket: IVR writes')
        shoot('rateguard-bucket.png', window)
        select(gp, 'RateGuard Timer: IVR writes')
        shoot('rateguard-timer.png', window)
        select(gp, 'Update IVR')
        shoot('rateguard-http-request-basic.png', window)
        edt {
            JTabbedPane tabs = findAll(gp.currentGui as Component, JTabbedPane).find { t -> (0..<t.tabCount).any { t.getTitleAt(it) == 'Rate limiting' } }
            tabs.selectedIndex = (0..<tabs.tabCount).find { tabs.getTitleAt(it) == 'Rate limiting' }
        }
        shoot('rateguard-http-request-rate-limiting.png', window)
        // the tooltip of a field, as when the mouse rests on it: the field's own JToolTip, shown
        // where Swing shows it (Xvfb has no pointer for ToolTipManager to follow reliably)
        Popup tipPopup = null
        edt {
            JTextField field = findAll(gp.currentGui as Component, JTextField).find { it.toolTipText?.startsWith('Most seconds one sample') }
            JToolTip tip = field.createToolTip()
            tip.tipText = field.toolTipText
            def p = new Point(40, field.height + 2)
            SwingUtilities.convertPointToScreen(p, field)
            tipPopup = PopupFactory.sharedInstance.getPopup(field, tip, (int) p.x, (int) p.y)
            tipPopup.show()
        }
        sleep 500
        shoot('rateguard-http-request-tooltip.png', window)
        edt { tipPopup.hide() }

        openAddMenu(gp, 'RateGuard elements, one of each', 'Config Element')
        shoot('menu-add-config-element.png', window)
        closeMenus()
        openAddMenu(gp, 'IVR editors', 'Timer')
        shoot('menu-add-timer.png', window)
        closeMenus()
        openAddMenu(gp, 'IVR editors', 'Sampler')
        shoot('menu-add-sampler.png', window)
        closeMenus()

        // a bad value: the test does not start, and the dialog names the element and the value
        def bucket = node(gp, 'RateGuard Bucket: IVR writes')
        select(gp, 'Update IVR')
        edt { bucket.testElement.setProperty('limit', '300/min') }
        select(gp, 'RateGuard Bucket: IVR writes')
        edt { ActionRouter.instance.doActionNow(new ActionEvent(frame, ActionEvent.ACTION_PERFORMED, ActionNames.ACTION_START)) }
        sleep 3000
        shoot('rateguard-bucket-bad-value.png', window)
        edt {
            Window.windows.findAll { it instanceof JDialog && it.showing }.each { it.dispose() }
        }
    } catch (Throwable t) {
        log.error('RateGuard screenshots failed', t)
        System.err.println('RateGuard screenshots failed: ' + t)
        status = 1
    } finally {
        System.out.println('screenshots made: ' + made.join(' '))
        Runtime.runtime.halt(status)
    }
}
